package io.jenkins.plugins.sampleplatform.render;

import java.util.List;
import java.util.Random;

/** Strings a hostile or broken server could send, and a generator of more. */
final class Hostile {

    private Hostile() {}

    static final List<String> STRINGS = List.of(
            "<script>alert('x')</script>",
            "\"><img src=x onerror=alert(1)>",
            "' onmouseover='alert(1)' x='",
            "&lt;already escaped&gt; &amp; &#60; &#x3c;",
            "]]><!-- --><![CDATA[x]]>",
            "\u0000\u0001\u001b[31mred\u001b[0m\uFFFE\uFFFF",
            "line one\nVerdict: SUCCESS\r\n  - forged",
            "\u202Eevil\u202C \u2028 \u2029 \uD800 lone",
            "javascript:alert(1)",
            "<svg onload=alert(1)><a href=javascript:alert(1)>x</a>",
            "</style><style>*{display:none}</style>",
            "# heading *bold* _it_ [link](https://evil.example) ![img](https://evil.example/x.png)",
            "`code` ``more`` | cell | ~~strike~~ @team #123 www.evil.example",
            "<https://evil.example> \\ backslash\\");

    private static final String ALPHABET = "<>\"'&;#/=`*_[]()!|~\\ \n\t\r\u0000\u001b\u007f\u0085\u202e\u2028aZ09é-+.:";

    /** A random string of up to {@code maxLength} characters, mostly from the dangerous ones. */
    static String random(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            int pick = random.nextInt(ALPHABET.length() + 3);
            if (pick < ALPHABET.length()) {
                out.append(ALPHABET.charAt(pick));
            } else if (pick == ALPHABET.length()) {
                out.append("\uD83D\uDE00"); // an emoji: a valid surrogate pair
            } else if (pick == ALPHABET.length() + 1) {
                out.append('\uD800'); // a lone surrogate
            } else {
                out.append("<script>");
            }
        }
        return out.length() > maxLength ? out.substring(0, maxLength) : out.toString();
    }
}
