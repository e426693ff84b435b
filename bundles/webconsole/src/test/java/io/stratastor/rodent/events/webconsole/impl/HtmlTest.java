package io.stratastor.rodent.events.webconsole.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void markupQuotesAndControlCharactersAreNeutralised() {
        assertThat(Html.escape("<img src=x onerror=\"a('b')\">&`\u0000"))
                .isEqualTo("&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;&#96; ");
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape(12)).isEqualTo("12");
    }
}
