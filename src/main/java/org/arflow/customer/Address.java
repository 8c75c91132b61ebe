package org.arflow.customer;

/** A postal address as accounting systems export it; every part is optional. */
public record Address(String line1, String line2, String city, String region, String postalCode) {

    public static final Address NONE = new Address(null, null, null, null, null);
}
