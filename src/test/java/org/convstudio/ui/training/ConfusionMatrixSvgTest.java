package org.convstudio.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.convstudio.analysis.metrics.ConfusionMatrix;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The matrix's SVG is well-formed XML with one shaded cell per non-zero count, green on the diagonal. */
class ConfusionMatrixSvgTest {

    @Test
    void oneCellPerNonZeroCountWithItsNumberAndShare() throws Exception {
        // truth 0,0,0,1,1,2 predicted 0,0,1,1,1,0: counts (0,0)=2 (0,1)=1 (1,1)=2 (2,0)=1
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 0, 1, 1, 1, 0}, 3);
        String svg = ConfusionMatrixSvg.write(m, List.of("cat", "dog & fox", "<bird>"));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList rects = doc.getElementsByTagName("rect");
        int cells = 0;
        int green = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if ("cell".equals(r.getAttribute("class"))) {
                cells++;
                if (ConfusionMatrixSvg.RIGHT.equals(r.getAttribute("fill"))) {
                    green++;
                    // its share of the row: cat 2 of 3, dog & fox 2 of 2
                    double share = r.getTextContent().startsWith("true cat") ? 2.0 / 3 : 1.0;
                    assertEquals(0.12 + 0.88 * Math.sqrt(share), Double.parseDouble(r.getAttribute("fill-opacity")), 0.01,
                            r.getTextContent());
                }
            }
        }
        assertEquals(4, cells, "one cell per non-zero count");
        assertEquals(2, green, "the two right answers on the diagonal");
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("dog & fox") && text.contains("<bird>") && text.contains("predicted class")
                && text.contains("true class"), text);
        assertTrue(text.contains("true cat, predicted dog & fox: 1"), text);
        assertEquals(4 * 2, doc.getElementsByTagName("line").getLength(), "the grid's 3 + 1 lines each way");
    }
}
