/** Finding resources on the class path and registering their services as beans. */
package io.ashspring.autoconfigure.resource;
