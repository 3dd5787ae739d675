package org.convstudio.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The chart SVG is well-formed XML with one polyline per series (split at gaps), its points, title, labels and legend. */
class PlotSvgTest {

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void seriesBecomePolylinesInAWellFormedDocument() throws Exception {
        double[] epochs = {1, 2, 3, 4, 5};
        PlotSvg.Chart chart = new PlotSvg.Chart("Loss <per epoch> & more", "epoch", "loss", false, List.of(
                new PlotSvg.Series("train", "#2f81f7", epochs, new double[] {2.3, 1.1, 0.6, 0.4, 0.3}),
                new PlotSvg.Series("validation \"held out\"", "#f0883e", epochs, new double[] {2.2, 1.2, Double.NaN, 0.5, 0.45})),
                640, 400);
        String svg = PlotSvg.write(chart);
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("640", root.getAttribute("width"));

        List<Element> groups = elements(doc.getElementsByTagName("g")).stream()
                .filter(g -> "series".equals(g.getAttribute("class"))).toList();
        assertEquals(2, groups.size());
        assertEquals("#2f81f7", groups.get(0).getAttribute("stroke"));
        NodeList trainLines = groups.get(0).getElementsByTagName("polyline");
        assertEquals(1, trainLines.getLength());
        assertEquals(5, ((Element) trainLines.item(0)).getAttribute("points").split(" ").length);
        NodeList valLines = groups.get(1).getElementsByTagName("polyline");
        assertEquals(2, valLines.getLength(), "a NaN splits the line");
        // y grows downwards: the falling loss gives rising y coordinates
        String[] pts = ((Element) trainLines.item(0)).getAttribute("points").split(" ");
        assertTrue(Double.parseDouble(pts[0].split(",")[1]) < Double.parseDouble(pts[4].split(",")[1]));

        String text = root.getTextContent();
        for (String s : new String[] {"Loss <per epoch> & more", "epoch", "loss", "train", "validation \"held out\""}) {
            assertTrue(text.contains(s), s);
        }
    }

    @Test
    void logScaleAndEmptyChartsAreWellFormedToo() throws Exception {
        double[] x = {0, 1, 2};
        parse(PlotSvg.write(new PlotSvg.Chart("", "", "ratio", true,
                List.of(new PlotSvg.Series("w", "#3fb950", x, new double[] {1e-4, 1e-3, 0})), 300, 200)));
        Document empty = parse(PlotSvg.write(new PlotSvg.Chart("Nothing", "", "", false, List.of(), 300, 200)));
        assertEquals(1, empty.getElementsByTagName("polyline").getLength(), "only the axes");
    }

    private static List<Element> elements(NodeList list) {
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }
}
