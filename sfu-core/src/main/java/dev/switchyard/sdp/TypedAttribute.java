package dev.switchyard.sdp;

/** A parsed attribute that can be written back as an {@link Attribute}. */
public interface TypedAttribute {

    String attributeName();

    /** The text after {@code name:}, or null for a property attribute. */
    String attributeValue();

    default Attribute toAttribute() {
        return new Attribute(attributeName(), attributeValue());
    }
}
