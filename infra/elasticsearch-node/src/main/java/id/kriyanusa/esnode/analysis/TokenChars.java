package id.kriyanusa.esnode.analysis;

import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

import org.elasticsearch.common.settings.Settings;

/**
 * The {@code token_chars} option of the n-gram tokenizers:
 * {@code letter, digit, whitespace, punctuation, symbol,
 * custom} (the latter with {@code custom_token_chars}). Empty means "keep all
 * characters".
 */
final class TokenChars {

    private TokenChars() {
    }

    /** Returns null when every character is a token character. */
    static IntPredicate parse(Settings settings) {
        List<String> classes = settings.getAsList("token_chars");
        if (classes.isEmpty()) {
            return null;
        }
        IntPredicate result = c -> false;
        for (String raw : classes) {
            String tokenClass = raw.trim().toLowerCase(Locale.ROOT);
            IntPredicate one = switch (tokenClass) {
                case "letter" -> Character::isLetter;
                case "digit" -> Character::isDigit;
                case "whitespace" -> Character::isWhitespace;
                case "punctuation" -> TokenChars::isPunctuation;
                case "symbol" -> TokenChars::isSymbol;
                case "custom" -> custom(settings);
                default -> throw new IllegalArgumentException("Unknown token type: '" + tokenClass
                        + "', must be one of [letter, digit, whitespace, punctuation, symbol, custom]");
            };
            result = result.or(one);
        }
        return result;
    }

    private static IntPredicate custom(Settings settings) {
        String chars = settings.get("custom_token_chars");
        if (chars == null || chars.isEmpty()) {
            throw new IllegalArgumentException("Token type: 'custom' requires setting `custom_token_chars`");
        }
        int[] codePoints = chars.codePoints().toArray();
        return c -> {
            for (int cp : codePoints) {
                if (cp == c) {
                    return true;
                }
            }
            return false;
        };
    }

    private static boolean isPunctuation(int c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION ->
                true;
            default -> false;
        };
    }

    private static boolean isSymbol(int c) {
        return switch (Character.getType(c)) {
            case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL ->
                true;
            default -> false;
        };
    }

}
