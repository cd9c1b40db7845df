package io.shequ.warehouse.bulletin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The page's charts as Apache ECharts options: each chart is a placeholder element in the page
 * and its option in one JSON block that {@code bulletin.js} hands to ECharts (SVG renderer, no
 * animation, so a printed page holds the whole chart). The values are the published ones.
 */
final class ChartSet {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode options = JSON.createObjectNode();

    /** One named series of values over the categories. */
    record Series(String name, List<Double> values) {}

    /**
     * A bar chart; horizontal bars ranked as given when {@code ranked}, with a dashed reference
     * line at {@code reference} (null: none).
     */
    String bar(
            String id,
            String title,
            List<String> categories,
            List<Series> series,
            String unit,
            boolean ranked,
            Double reference,
            String referenceLabel) {
        ObjectNode option = base(title, unit);
        ObjectNode categoryAxis = JSON.createObjectNode().put("type", "category");
        ArrayNode names = categoryAxis.putArray("data");
        categories.forEach(names::add);
        ObjectNode valueAxis = JSON.createObjectNode().put("type", "value").put("name", unit);
        if (ranked) {
            categoryAxis.put("inverse", true);
            option.set("yAxis", categoryAxis);
            option.set("xAxis", valueAxis);
            option.putObject("grid").put("left", 8).put("right", 48).put("containLabel", true);
        } else {
            categoryAxis.putObject("axisLabel").put("interval", 0).put("rotate", categories.size() > 6 ? 30 : 0);
            option.set("xAxis", categoryAxis);
            option.set("yAxis", valueAxis);
            option.putObject("grid").put("left", 8).put("right", 16).put("containLabel", true);
        }
        ArrayNode all = option.putArray("series");
        for (int s = 0; s < series.size(); s++) {
            ObjectNode bar =
                    all.addObject().put("type", "bar").put("name", series.get(s).name());
            ArrayNode data = bar.putArray("data");
            series.get(s).values().forEach(data::add);
            if (s == 0 && reference != null) {
                ObjectNode line =
                        bar.putObject("markLine").put("symbol", "none").put("silent", true);
                line.putObject("lineStyle").put("type", "dashed").put("color", "#c23531");
                line.putObject("label").put("formatter", referenceLabel);
                line.putArray("data").addObject().put(ranked ? "xAxis" : "yAxis", reference);
            }
        }
        return placeholder(id, option, Math.max(260, ranked ? 28 * categories.size() + 80 : 300));
    }

    /** A line chart over the categories. */
    String line(String id, String title, List<String> categories, Series series, String unit) {
        ObjectNode option = base(title, unit);
        ObjectNode x = option.putObject("xAxis").put("type", "category");
        ArrayNode names = x.putArray("data");
        categories.forEach(names::add);
        option.putObject("yAxis").put("type", "value").put("name", unit);
        option.putObject("grid").put("left", 8).put("right", 16).put("containLabel", true);
        ObjectNode line =
                option.putArray("series").addObject().put("type", "line").put("name", series.name());
        line.putObject("label").put("show", true);
        ArrayNode data = line.putArray("data");
        series.values().forEach(data::add);
        return placeholder(id, option, 300);
    }

    private ObjectNode base(String title, String unit) {
        ObjectNode option = JSON.createObjectNode().put("animation", false);
        option.putObject("title")
                .put("text", title)
                .put("left", "center")
                .putObject("textStyle")
                .put("fontSize", 13);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("bottom", 0);
        return option;
    }

    private String placeholder(String id, ObjectNode option, int height) {
        options.set(id, option);
        return "<div class=\"chart\" id=\"" + Html.escape(id) + "\" style=\"height:" + height + "px\"></div>\n";
    }

    int size() {
        return options.size();
    }

    /** The options as a script block; {@code </} is escaped so no value can close it. */
    String script() {
        try {
            String json = JSON.writeValueAsString(options).replace("</", "<\\/");
            return "<script type=\"application/json\" id=\"chart-options\">" + json + "</script>\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
