package io.jenkins.plugins.sampleplatform.compare;

/** A reference that is not {@code master}, {@code commit:SHA}, {@code run:ID} or {@code previousBuild}. */
public class InvalidReferenceException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidReferenceException(String message) {
        super(message);
    }
}
