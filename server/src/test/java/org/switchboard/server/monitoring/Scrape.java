package org.switchboard.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One scrape of {@code /metrics} in Prometheus' text format: each sample by its series, the name with
 * its labels as written ({@code switchboard_calls_failed_total{code="486"}}).
 */
public record Scrape(Map<String, Double> samples) {

    /** Scrapes {@code base}/metrics; it must answer 200 in the text format. */
    public static Scrape of(URI base) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        return parse(response.body());
    }

    /** Parses the text format: comment lines are skipped, every other line is a series and a value. */
    static Scrape parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int cut = line.lastIndexOf(' ');
            samples.put(line.substring(0, cut), Double.parseDouble(line.substring(cut + 1)));
        }
        return new Scrape(Map.copyOf(samples));
    }

    /** The value of a series; it must be present. */
    public double value(String series) {
        Double value = samples.get(series);
        assertThat(value).as("series %s in the scrape", series).isNotNull();
        return value;
    }

    /** The value of a series, 0 if absent (a counter with labels appears on its first count). */
    public double valueOrZero(String series) {
        return samples.getOrDefault(series, 0.0);
    }

    /** The metric names of the series whose name starts with {@code prefix}, without labels. */
    public Set<String> names(String prefix) {
        Set<String> names = new TreeSet<>();
        for (String series : samples.keySet()) {
            int brace = series.indexOf('{');
            String name = brace < 0 ? series : series.substring(0, brace);
            if (name.startsWith(prefix)) {
                names.add(name);
            }
        }
        return names;
    }
}
