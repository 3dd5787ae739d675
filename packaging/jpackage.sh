#!/usr/bin/env bash
# Builds a self-contained ConvStudio application image (JDK's jpackage; no installer tools needed):
#   bash packaging/jpackage.sh            -> target/dist/ConvStudio/bin/ConvStudio
#   TYPE=deb bash packaging/jpackage.sh   -> a .deb (needs dpkg-deb and fakeroot)
set -euo pipefail
cd "$(dirname "$0")/.."
TYPE=${TYPE:-app-image}
mvn -B -q package -DskipTests
input=target/jpackage-input
rm -rf "$input" target/dist
mkdir -p "$input"
cp target/convstudio.jar "$input/"
cp -r target/lib "$input/lib"
cp -r assets "$input/assets"
jpackage --type "$TYPE" --name ConvStudio --app-version 0.1.0 \
  --description "Design, train and look inside convolutional neural networks" \
  --input "$input" --main-jar convstudio.jar --main-class org.convstudio.Launcher \
  --java-options "-Xmx4g" --dest target/dist
echo "Packaged into target/dist"
