#!/bin/sh
# Renders resources/icons/icon.svg to every icon the installers need. Needs (Debian/Ubuntu):
#   sudo apt-get install -y librsvg2-bin imagemagick icnsutils
set -eu
cd "$(dirname "$0")/../resources/icons"
mkdir -p png
rsvg-convert -w 1024 -h 1024 icon.svg -o icon.png
for size in 16 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" icon.svg -o "png/${size}x${size}.png"
done
# Windows: one .ico with the sizes Explorer and the taskbar use.
/usr/bin/convert png/16x16.png png/32x32.png png/48x48.png png/64x64.png png/128x128.png png/256x256.png icon.ico
# macOS: .icns up to 1024 (Retina 512@2x).
png2icns icon.icns png/16x16.png png/32x32.png png/128x128.png png/256x256.png png/512x512.png png/1024x1024.png
