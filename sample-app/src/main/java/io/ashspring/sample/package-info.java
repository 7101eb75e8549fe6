/**
 * The sample helpdesk: its resources, declared once as annotated records.
 */
package io.ashspring.sample;
