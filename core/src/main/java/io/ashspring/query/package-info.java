/** What to read ({@link io.ashspring.query.Query}): filters, sorts and pages. */
package io.ashspring.query;
