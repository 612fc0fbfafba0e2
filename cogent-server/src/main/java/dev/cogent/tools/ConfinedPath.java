package dev.cogent.tools;

import java.nio.file.Path;

/**
 * A path a model named, resolved inside the session's workspace.
 *
 * @param host where it is on this machine: inside the workspace, with no symbolic link on the way
 * @param shown how tools show it to the model: absolute from the workspace root, such as {@code
 *     /src/Main.java} ({@code /} is the workspace root)
 */
record ConfinedPath(Path host, String shown) {}
