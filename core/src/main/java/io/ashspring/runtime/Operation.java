package io.ashspring.runtime;

/** The kind of write an error happened in; decides how a foreign-key violation is reported. */
enum Operation { CREATE, UPDATE, DESTROY }
