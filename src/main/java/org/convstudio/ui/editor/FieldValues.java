package org.convstudio.ui.editor;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;

/** The inspector's field values: typed text to JSON and back. */
final class FieldValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FieldValues() {
    }

    /** The value an editor holds: a check box's boolean, a choice's text, or a text field parsed. */
    static JsonNode value(Control c) {
        if (c instanceof CheckBox cb) {
            return JSON.booleanNode(cb.isSelected());
        }
        if (c instanceof ComboBox<?> combo) {
            return JSON.textNode(String.valueOf(combo.getValue()));
        }
        return parse(((TextField) c).getText());
    }

    /** Typed text → JSON value: integers, decimals, "5×3" / "5,3" / "5x3" pairs, true/false, or text. */
    static JsonNode parse(String text) {
        String t = text.trim();
        if (t.matches("[-+]?\\d{1,9}")) {
            return JSON.numberNode(Integer.parseInt(t));
        }
        if (t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return JSON.numberNode(Double.parseDouble(t));
        }
        String[] parts = t.split("\\s*[×x*,]\\s*");
        if (parts.length == 2 && parts[0].matches("\\d{1,9}") && parts[1].matches("\\d{1,9}")) {
            ArrayNode a = JSON.arrayNode();
            a.add(Integer.parseInt(parts[0]));
            a.add(Integer.parseInt(parts[1]));
            return a;
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return JSON.booleanNode(Boolean.parseBoolean(t.toLowerCase(Locale.ROOT)));
        }
        return JSON.textNode(t);
    }

    /** A JSON value as typed in a field (pairs as "5×5"). */
    static String text(JsonNode v) {
        if (v.isArray() && v.size() == 2) {
            return v.get(0).asText() + "×" + v.get(1).asText();
        }
        return v.asText();
    }
}
