/** Spring MVC integration: Ash errors as problem details. */
package io.ashspring.autoconfigure.web;
