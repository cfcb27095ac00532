package io.quorum.adapters.rss;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stories a test feed holds, written out as RSS 2.0 or Atom 1.0 documents. */
final class Stories {
    record Story(String id, String link, String title, Instant published) {}

    private final String title;
    private final List<Story> stories = new CopyOnWriteArrayList<>();

    Stories(String title) { this.title = title; }

    void add(Story story) { stories.add(story); }

    List<Story> all() { return List.copyOf(stories); }

    String rss() {
        StringBuilder items = new StringBuilder();
        for (Story story : stories.reversed()) {
            items.append("""
                        <item>
                          <guid isPermaLink="false">%s</guid>
                          <link>%s</link>
                          <pubDate>%s</pubDate>
                          <title>%s</title>
                        </item>
                    """.formatted(story.id(), story.link(), DateTimeFormatter.RFC_1123_DATE_TIME.format(story.published().atOffset(ZoneOffset.UTC)), story.title()));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0">
                  <channel>
                    <title>%s</title>
                    <link>https://news.example.com/</link>
                    <description>Test headlines</description>
                %s  </channel>
                </rss>
                """.formatted(title, items);
    }

    String atom() {
        StringBuilder entries = new StringBuilder();
        for (Story story : stories.reversed()) {
            entries.append("""
                      <entry>
                        <title>%s</title>
                        <id>%s</id>
                        <link href="%s"/>
                        <updated>%s</updated>
                      </entry>
                    """.formatted(story.title(), story.id(), story.link(), story.published()));
        }
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>%s</title>
                  <id>urn:test:%s</id>
                  <updated>2024-09-20T18:00:00Z</updated>
                %s</feed>
                """.formatted(title, title.hashCode(), entries);
    }
}
