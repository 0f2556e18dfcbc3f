#!/usr/bin/env bash
# Draws the Marketplace icon, images/icon.png (256×256; the Marketplace asks for at least 128×128):
# a card with two emoji-coloured field bullets and two checkboxes, and a green check for "correct".
# Drawn with ImageMagick 6 primitives rather than kept as a source image, so it can be redrawn and
# changed here; the PNG is committed, since the package must not need ImageMagick to build.
set -euo pipefail
cd "$(dirname "$0")/.."
navy='#1f3b63' line='#c9d3e0'
convert -size 256x256 xc:none \
  -fill "$navy" -draw "roundrectangle 8,8 247,247 44,44" \
  -fill '#ffffff' -draw "roundrectangle 52,36 204,220 14,14" \
  -fill '#f4a62a' -draw "circle 78,72 78,82" \
  -fill "$line" -draw "roundrectangle 98,66 180,78 6,6" \
  -fill '#3f8ede' -draw "circle 78,112 78,122" \
  -fill "$line" -draw "roundrectangle 98,106 168,118 6,6" \
  -fill none -stroke "$navy" -strokewidth 5 -draw "roundrectangle 92,140 110,158 3,3" \
  -stroke none -fill "$line" -draw "roundrectangle 120,143 178,155 6,6" \
  -fill none -stroke "$navy" -strokewidth 5 -draw "roundrectangle 92,174 110,192 3,3" \
  -stroke none -fill "$line" -draw "roundrectangle 120,177 170,189 6,6" \
  -fill '#2fb36b' -stroke "$navy" -strokewidth 6 -draw "circle 186,196 186,232" \
  -fill none -stroke '#ffffff' -strokewidth 10 -draw "polyline 168,197 181,210 204,184" \
  -depth 8 -strip images/icon.png
