package org.facegate.store;

/** What a person is to this phone. Stored by name (Room maps enums to TEXT). */
public enum Role {
    /** The phone's owner: manages the other people. */
    OWNER,
    /** Someone the owner enrolled. */
    MEMBER
}
