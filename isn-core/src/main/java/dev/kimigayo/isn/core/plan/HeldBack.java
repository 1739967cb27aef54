package dev.kimigayo.isn.core.plan;

/**
 * A package named for upgrade that stays at its installed version although a newer one exists,
 * or that no repository offers; with the reason in words.
 *
 * @param name      the package
 * @param installed its installed version
 * @param newest    the newest version the repositories offer, or null when none offers it
 * @param reason    why it is not upgraded: the constraint, pin or conflict that holds it back
 */
public record HeldBack(String name, String installed, String newest, String reason) {
}
