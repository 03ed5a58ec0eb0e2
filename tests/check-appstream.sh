#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# appstreamcli validate --pedantic on the built metainfo: fails on any
# issue but the two Debian 12's appstreamcli 0.16 reports by design:
#   cid-contains-uppercase-letter  the app id is io.github.limber.Limber,
#                                  a fixed choice (GNOME's ids are so too)
#   unknown-tag developer          <developer> is AppStream 1.0, which
#                                  Flathub wants; 0.16 knows <developer_name>
#   sh tests/check-appstream.sh APPSTREAMCLI METAINFO
set -u
out=$("$1" validate --pedantic --no-net "$2" 2>&1)
status=$?
echo "$out"
[ $status -eq 0 ] || exit 1
left=$(echo "$out" | grep -E '^[EWIP]: ' \
  | grep -v -e ' cid-contains-uppercase-letter ' -e ' unknown-tag developer$')
if [ -n "$left" ]; then
  echo "FAIL: AppStream issues beyond the two expected:"
  echo "$left"
  exit 1
fi
