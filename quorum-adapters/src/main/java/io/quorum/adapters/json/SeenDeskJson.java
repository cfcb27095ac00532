package io.quorum.adapters.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.TechnicalView;
import io.quorum.engine.market.Tick;
import io.quorum.engine.message.MalformedMessageException;
import io.quorum.engine.portfolio.AccountLimitCheck;
import io.quorum.engine.journal.SeenDesk;
import io.quorum.engine.journal.SeenDesk.LimitAsked;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the journal keeps a {@link SeenDesk}: what an agent's vote saw. A field the vote never asked
 * about is left out; an answer that was "none" (no valuation, no tick yet) is an empty array, and a
 * value a one-element array. Ratios are exact decimal strings, as long as the provider gave them.
 */
final class SeenDeskJson {
    /** A ratio longer than this is no provider's: refused rather than read. */
    private static final int LONGEST_RATIO = 40;

    private SeenDeskJson() {}

    static ObjectNode toTree(SeenDesk seen) {
        ObjectNode node = Wire.object();
        node.put("ticker", seen.ticker().symbol());
        if (seen.technical() != null) node.set("technical", technical(seen.technical()));
        if (seen.fundamentals() != null) node.set("fundamentals", optional(seen.fundamentals().map(SeenDeskJson::fundamentals)));
        if (seen.sentiment() != null) node.put("sentiment", seen.sentiment().toPlainString());
        if (seen.news() != null) {
            ArrayNode news = node.putArray("news");
            for (NewsItem item : seen.news()) news.add(news(item));
        }
        if (seen.lastTick() != null) node.set("lastTick", optional(seen.lastTick().map(SeenDeskJson::tick)));
        if (seen.marketOpen() != null) node.put("marketOpen", seen.marketOpen());
        if (seen.config() != null) {
            ObjectNode config = node.putObject("config");
            seen.config().forEach(config::put);
        }
        if (seen.exposure() != null) node.set("exposure", exposure(seen.exposure()));
        ArrayNode asked = node.putArray("limitsAsked");
        for (LimitAsked question : seen.limitsAsked()) asked.add(limitAsked(question));
        return node;
    }

    static SeenDesk fromTree(WireObject in) {
        var ticker = in.ticker("ticker");
        WireObject technical = in.optionalObject("technical");
        TechnicalView view = technical == null ? null : technical(technical);
        Optional<Fundamentals> fundamentals = in.has("fundamentals") ? optional(in.array("fundamentals")).map(element -> fundamentals(element.object())) : null;
        BigDecimal sentiment = in.has("sentiment") ? ratio(in, "sentiment") : null;
        List<NewsItem> news = null;
        if (in.has("news")) {
            news = new ArrayList<>();
            for (WireObject.Element element : in.array("news")) news.add(news(element.object()));
        }
        Optional<Tick> lastTick = in.has("lastTick") ? optional(in.array("lastTick")).map(element -> tick(element.object())) : null;
        Boolean marketOpen = in.has("marketOpen") ? in.bool("marketOpen") : null;
        WireObject configFields = in.optionalObject("config");
        Map<String, String> config = configFields == null ? null : JournalEventJson.fields(configFields);
        WireObject exposure = in.optionalObject("exposure");
        SeenDesk.Exposure held = exposure == null ? null : exposure(exposure);
        List<LimitAsked> asked = new ArrayList<>();
        for (WireObject.Element element : in.array("limitsAsked")) asked.add(limitAsked(element.object()));
        in.finish();
        List<NewsItem> headlines = news;
        return in.build(() -> new SeenDesk(ticker, view, fundamentals, sentiment, headlines, lastTick, marketOpen, config, held, asked));
    }

    private static ArrayNode optional(Optional<ObjectNode> value) {
        ArrayNode array = Wire.NODES.arrayNode();
        value.ifPresent(array::add);
        return array;
    }

    private static Optional<WireObject.Element> optional(List<WireObject.Element> elements) {
        if (elements.size() > 1) throw new MalformedMessageException(elements.get(1).path(), "expected at most one element");
        return elements.isEmpty() ? Optional.empty() : Optional.of(elements.getFirst());
    }

    private static ObjectNode technical(TechnicalView v) {
        ObjectNode node = Wire.object();
        node.put("last", Wire.price(v.last()));
        node.put("sma20", Wire.price(v.sma20()));
        node.put("sma50", Wire.price(v.sma50()));
        node.put("sma200", Wire.price(v.sma200()));
        node.put("rsi14", v.rsi14().toPlainString());
        node.put("atr14", Wire.price(v.atr14()));
        node.put("macd", v.macd().toPlainString());
        node.put("macdSignal", v.macdSignal().toPlainString());
        node.put("high20", Wire.price(v.high20()));
        node.put("low20", Wire.price(v.low20()));
        node.put("averageVolume20", v.averageVolume20());
        node.put("lastVolume", v.lastVolume());
        node.put("open", Wire.price(v.open()));
        return node;
    }

    private static TechnicalView technical(WireObject in) {
        var last = in.price("last");
        var sma20 = in.price("sma20");
        var sma50 = in.price("sma50");
        var sma200 = in.price("sma200");
        var rsi14 = ratio(in, "rsi14");
        var atr14 = in.price("atr14");
        var macd = ratio(in, "macd");
        var macdSignal = ratio(in, "macdSignal");
        var high20 = in.price("high20");
        var low20 = in.price("low20");
        long averageVolume20 = in.integer("averageVolume20");
        long lastVolume = in.integer("lastVolume");
        var open = in.price("open");
        in.finish();
        return in.build(() -> new TechnicalView(last, sma20, sma50, sma200, rsi14, atr14, macd, macdSignal, high20, low20, averageVolume20, lastVolume, open));
    }

    private static ObjectNode fundamentals(Fundamentals f) {
        ObjectNode node = Wire.object();
        node.put("ticker", f.ticker().symbol());
        node.put("sector", f.sector());
        node.put("priceToEarnings", f.priceToEarnings().toPlainString());
        node.put("epsGrowth", f.epsGrowth().toPlainString());
        node.put("revenueGrowth", f.revenueGrowth().toPlainString());
        node.put("netCash", Wire.money(f.netCash()));
        node.put("debtToEquity", f.debtToEquity().toPlainString());
        node.put("sectorPriceToEarnings", f.sectorPriceToEarnings().toPlainString());
        node.put("sectorEpsGrowth", f.sectorEpsGrowth().toPlainString());
        return node;
    }

    private static Fundamentals fundamentals(WireObject in) {
        var ticker = in.ticker("ticker");
        String sector = in.text("sector");
        var pe = ratio(in, "priceToEarnings");
        var eps = ratio(in, "epsGrowth");
        var revenue = ratio(in, "revenueGrowth");
        var netCash = in.money("netCash");
        var debt = ratio(in, "debtToEquity");
        var sectorPe = ratio(in, "sectorPriceToEarnings");
        var sectorEps = ratio(in, "sectorEpsGrowth");
        in.finish();
        return in.build(() -> new Fundamentals(ticker, sector, pe, eps, revenue, netCash, debt, sectorPe, sectorEps));
    }

    private static ObjectNode news(NewsItem item) {
        ObjectNode node = Wire.object();
        node.put("ticker", item.ticker().symbol());
        node.put("headline", item.headline());
        node.put("source", item.source());
        node.put("publishedAt", item.publishedAt().toString());
        return node;
    }

    private static NewsItem news(WireObject in) {
        var ticker = in.ticker("ticker");
        String headline = in.text("headline");
        String source = in.text("source");
        var publishedAt = in.instant("publishedAt");
        in.finish();
        return in.build(() -> new NewsItem(ticker, headline, source, publishedAt));
    }

    private static ObjectNode tick(Tick tick) {
        ObjectNode node = Wire.object();
        node.put("ticker", tick.ticker().symbol());
        node.put("epochMillis", tick.epochMillis());
        node.put("lastMicros", tick.lastMicros());
        node.put("bidMicros", tick.bidMicros());
        node.put("askMicros", tick.askMicros());
        node.put("size", tick.size());
        return node;
    }

    private static Tick tick(WireObject in) {
        var ticker = in.ticker("ticker");
        long epochMillis = in.integer("epochMillis");
        long last = in.integer("lastMicros");
        long bid = in.integer("bidMicros");
        long ask = in.integer("askMicros");
        long size = in.integer("size");
        in.finish();
        return in.build(() -> new Tick(ticker, epochMillis, last, bid, ask, size));
    }

    private static ObjectNode exposure(SeenDesk.Exposure exposure) {
        ObjectNode node = Wire.object();
        node.put("equity", Wire.money(exposure.equity()));
        node.put("quantity", exposure.quantity());
        node.put("tickerValue", Wire.money(exposure.tickerValue()));
        node.put("grossValue", Wire.money(exposure.grossValue()));
        node.put("dailyPnl", Wire.money(exposure.dailyPnl()));
        return node;
    }

    private static SeenDesk.Exposure exposure(WireObject in) {
        var equity = in.money("equity");
        long quantity = in.integer("quantity");
        var tickerValue = in.money("tickerValue");
        var grossValue = in.money("grossValue");
        var dailyPnl = in.money("dailyPnl");
        in.finish();
        return in.build(() -> new SeenDesk.Exposure(equity, quantity, tickerValue, grossValue, dailyPnl));
    }

    private static ObjectNode limitAsked(LimitAsked asked) {
        ObjectNode node = Wire.object();
        node.put("question", asked.question().name());
        node.put("ticker", asked.ticker().symbol());
        node.put("sessionShares", asked.sessionShares());
        node.put("shares", asked.shares());
        node.put("price", Wire.price(asked.price()));
        if (asked.breach() != null) {
            ObjectNode breach = node.putObject("breach");
            breach.put("limit", asked.breach().limit().name());
            breach.put("sentence", asked.breach().sentence());
        }
        node.put("fit", asked.fit());
        return node;
    }

    private static LimitAsked limitAsked(WireObject in) {
        var question = in.enumValue("question", LimitAsked.Question.class);
        var ticker = in.ticker("ticker");
        long sessionShares = in.integer("sessionShares");
        long shares = in.integer("shares");
        var price = in.price("price");
        WireObject breachNode = in.optionalObject("breach");
        AccountLimitCheck.Breach breach = null;
        if (breachNode != null) {
            var limit = breachNode.enumValue("limit", AccountLimitCheck.Limit.class);
            String sentence = breachNode.text("sentence");
            breachNode.finish();
            breach = new AccountLimitCheck.Breach(limit, sentence);
        }
        long fit = in.integer("fit");
        in.finish();
        AccountLimitCheck.Breach answer = breach;
        return in.build(() -> new LimitAsked(question, ticker, sessionShares, shares, price, answer, fit));
    }

    /** An exact decimal as the provider gave it, bounded in length. */
    private static BigDecimal ratio(WireObject in, String field) {
        String text = in.text(field);
        try {
            if (text.length() <= LONGEST_RATIO) return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new MalformedMessageException(in.path(field), "expected a decimal number of at most " + LONGEST_RATIO + " characters, was \"" + text + "\"");
    }
}
