#!/usr/bin/env bash
# Builds ConvStudio as a self-contained desktop program with the JDK's jpackage (a jlink'ed Java runtime,
# the jar and its libraries with the CPU libtorch, the bundled MNIST sample):
#   bash packaging/jpackage.sh               -> target/dist/ConvStudio/bin/ConvStudio   (Linux app image)
#   TYPE=deb bash packaging/jpackage.sh      -> target/dist/convstudio_<version>_amd64.deb (needs dpkg-deb, fakeroot)
#   TYPE=dmg (macOS) / TYPE=msi (Windows, needs WiX) on their own systems; see packaging/README.md
# Options: SKIP_BUILD=1 reuses target/convstudio.jar and target/lib; MVN_FLAGS=-o builds offline;
#          MVN_FLAGS=-Dcuda leaves the CPU libtorch out (see README, "GPU").
set -euo pipefail
cd "$(dirname "$0")/.."
TYPE=${TYPE:-app-image}
VERSION=${VERSION:-0.1.0}
if ! command -v jpackage >/dev/null 2>&1; then
  echo "jpackage not found: install a full JDK 17 or newer (it ships jpackage), e.g. apt-get install openjdk-17-jdk" >&2
  exit 2
fi
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f target/convstudio.jar ]; then
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_FLAGS:-} package -DskipTests
fi
input=target/jpackage-input
rm -rf "$input" target/dist
mkdir -p "$input/assets"
cp target/convstudio.jar "$input/"
cp -r target/lib "$input/lib"
cp -r assets/datasets "$input/assets/datasets"   # the bundled sample, found next to the jar
# the Java modules the app uses (jdeps-style list; MODULES=all keeps jpackage's default, the whole JDK)
MODULES=${MODULES:-java.base,java.desktop,java.logging,java.management,jdk.management,java.prefs,java.xml,java.sql,java.naming,java.net.http,java.scripting,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.localedata,jdk.charsets}
extra=()
if [ "$MODULES" != all ]; then
  extra+=(--add-modules "$MODULES")
fi
# the app icon (drawn by packaging/icon/IconMaker.java) in the format each system wants
case "$TYPE" in
  dmg|pkg) icon=packaging/icon/convstudio.icns ;;
  msi|exe) icon=packaging/icon/convstudio.ico ;;
  *) case "$(uname -s)" in
       Darwin) icon=packaging/icon/convstudio.icns ;;
       MINGW*|MSYS*|CYGWIN*) icon=packaging/icon/convstudio.ico ;;
       *) icon=packaging/icon/convstudio-256.png ;;
     esac ;;
esac
extra+=(--icon "$icon")
# installers register *.convnet.json (mime type application/x-convstudio-network+json) with the app: the
# desktop starts the launcher with the file's path, and the app opens that design
if [ "$TYPE" != app-image ]; then
  assoc=target/convnet-file.properties
  cp packaging/convnet-file.properties "$assoc"
  echo "icon=$icon" >> "$assoc"
  extra+=(--file-associations "$assoc")
fi
case "$TYPE" in
  # packaging/linux/ConvStudio.desktop replaces jpackage's desktop-entry template: its Exec line passes the
  # opened file (%f), which jpackage 17's own template leaves out; JavaFX draws through GTK 3 (loaded at run
  # time, so jpackage cannot see it among the dependencies)
  deb|rpm) extra+=(--linux-shortcut --linux-menu-group Education --linux-package-name convstudio
               --linux-app-category education --resource-dir packaging/linux --linux-package-deps libgtk-3-0) ;;
  msi|exe) extra+=(--win-menu --win-shortcut --win-dir-chooser) ;;
  dmg|pkg) extra+=(--mac-package-name ConvStudio) ;;
esac
jpackage --type "$TYPE" --name ConvStudio --app-version "$VERSION" \
  --description "Design, train and look inside convolutional neural networks" \
  --vendor "ConvStudio" \
  --input "$input" --main-jar convstudio.jar --main-class org.convstudio.Launcher \
  --java-options "-Xmx4g" \
  --dest target/dist "${extra[@]}"
echo "Packaged into target/dist ($(du -sh target/dist | cut -f1))"
