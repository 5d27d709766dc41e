package dev.gatun.bench.charts;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The bar chart the benchmark reports draw: one series per engine of ratios to a base engine, on a log axis. */
public final class RatioChart {
    private RatioChart() {}

    /**
     * Writes {@code png} unless no series has a value. {@code series} maps a legend label to one ratio per
     * category, null where there is none (no bar).
     */
    public static boolean write(Path png, String title, String xTitle, String yTitle, List<String> categories,
                                Map<String, List<Double>> series) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(1400).height(640)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        var s = chart.getStyler();
        s.setYAxisLogarithmic(true);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartBackgroundColor(java.awt.Color.WHITE);
        s.setPlotGridVerticalLinesVisible(false);
        double lo = Double.MAX_VALUE, hi = Double.MIN_VALUE;
        for (var e : series.entrySet()) {
            boolean any = false;
            for (Double v : e.getValue()) {
                if (v == null) continue;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                any = true;
            }
            if (any) chart.addSeries(e.getKey(), categories, e.getValue());
        }
        if (lo > hi) return false;
        // Bars start at the axis minimum; XChart would put it at 0, which a log axis cannot show.
        s.setYAxisMin(Math.pow(10, Math.floor(Math.log10(lo))));
        s.setYAxisMax(Math.pow(10, Math.ceil(Math.log10(hi))));
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        return true;
    }
}
