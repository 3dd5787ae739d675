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
case "$TYPE" in
  deb) extra+=(--linux-shortcut --linux-menu-group Education --linux-package-name convstudio
               --linux-app-category education) ;;
  msi) extra+=(--win-menu --win-shortcut --win-dir-chooser) ;;
esac
jpackage --type "$TYPE" --name ConvStudio --app-version "$VERSION" \
  --description "Design, train and look inside convolutional neural networks" \
  --vendor "ConvStudio" \
  --input "$input" --main-jar convstudio.jar --main-class org.convstudio.Launcher \
  --java-options "-Xmx4g" \
  --dest target/dist "${extra[@]}"
echo "Packaged into target/dist ($(du -sh target/dist | cut -f1))"
