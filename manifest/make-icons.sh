#!/usr/bin/env bash
# Draws the Teams app icons with ImageMagick primitives only (no fonts, so any machine draws the same
# picture): a case file with a tick. Needs ImageMagick 6 (Debian: apt-get install -y imagemagick).
#   color.png    192x192, full colour, opaque accent background
#   outline.png  32x32, white on a transparent background
# Metadata (dates, software) is stripped so a re-run gives the same bytes on the same ImageMagick.
set -euo pipefail
cd "$(dirname "$0")"
png=(-strip -define png:exclude-chunks=date,time)

convert -size 192x192 xc:'#4464EE' \
  -fill white -stroke none -draw 'roundrectangle 52,36 140,156 10,10' \
  -fill '#4464EE' -draw 'rectangle 66,58 126,66' -draw 'rectangle 66,76 116,84' \
  -fill none -stroke '#4464EE' -strokewidth 12 -draw 'stroke-linecap round stroke-linejoin round polyline 70,118 88,136 124,100' \
  "${png[@]}" PNG32:color.png

convert -size 32x32 xc:none \
  -fill none -stroke white -strokewidth 2 -draw 'roundrectangle 8,4 24,28 2,2' \
  -draw 'line 12,10 20,10' -draw 'stroke-linejoin round polyline 11,19 15,23 21,16' \
  "${png[@]}" PNG32:outline.png

identify color.png outline.png
