package io.shequ.jobs.check;

/**
 * The text of one DQDL rule file and where it came from (a path in the override folder, or
 * {@code classpath:dq/...}), so that a parse error can name the file the user must fix.
 *
 * @param origin where the text was read
 * @param level  "error" (a failure blocks publishing) or "warn" (recorded)
 * @param text   the rules; comment lines are blanked, so line numbers still match the file
 */
public record RuleFile(String origin, String level, String text) {}
