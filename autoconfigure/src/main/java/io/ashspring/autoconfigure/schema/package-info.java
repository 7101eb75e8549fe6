/** Creating the resources' schema at startup. */
package io.ashspring.autoconfigure.schema;
