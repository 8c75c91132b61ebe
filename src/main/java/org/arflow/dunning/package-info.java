/**
 * Dunning: one collection case per customer and currency that chases every overdue, undisputed invoice with
 * steps that grow firmer, as the dunning-policy rules decide.
 */
package org.arflow.dunning;
