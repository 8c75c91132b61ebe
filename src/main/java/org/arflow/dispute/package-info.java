/** Disputes: an invoice amount the customer contests, with its reason, which dunning leaves out while open. */
package org.arflow.dispute;
