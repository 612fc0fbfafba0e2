/**
 * Configuration: {@link dev.cogent.settings.Settings} loaded once from defaults, config files,
 * {@code .env}, {@code COGENT_*} variables and flags ({@link dev.cogent.settings.SettingsLoader}),
 * held in {@link dev.cogent.settings.LiveSettings}, changed and rolled back at runtime ({@link
 * dev.cogent.settings.ConfigEditor}) and shown redacted ({@link dev.cogent.settings.SettingsView}).
 * {@link dev.cogent.settings.SettingKey} is the one table of keys. Imports nothing of HTTP or of
 * other features; every other package receives its settings from here instead of reading the
 * environment.
 */
package dev.cogent.settings;
