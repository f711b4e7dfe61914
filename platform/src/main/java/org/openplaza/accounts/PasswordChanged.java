package org.openplaza.accounts;

/** A user's password was set, by themselves or by an administrator: their other sessions end. */
public record PasswordChanged(String username) {}
