/**
 * The helpdesk's REST API: controllers over the injected {@code ResourceService}s, and the JSON
 * shape of each resource as a response record.
 */
package io.ashspring.sample.web;
