package org.convstudio;

public final class Launcher {
    public static void main(String[] args) {
        System.out.println("ConvStudio");
    }
}
