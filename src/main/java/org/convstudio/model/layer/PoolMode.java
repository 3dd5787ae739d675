package org.convstudio.model.layer;

/** How a pooling window summarises its values. */
public enum PoolMode {
    MAX("max"), AVG("avg"), L2("l2");

    private final String id;

    PoolMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
