#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# validate-ui.sh UI_DIR [GTK4_BUILDER_TOOL [SRC_DIR]]
#
# Runs `gtk4-builder-tool validate` on every UI_DIR/*.ui. The files are
# listed now, when the test runs, so a new .ui file needs no meson change.
# Exits 0 when every file is valid (or there is none), 1 when any is not.
# Needs a display: run it under xvfb-run.
#
# The tool on its own cannot validate our templates, so this script helps:
# - libadwaita classes: the library named in $LIMBER_UI_PRELOAD (meson
#   passes libadwaita's path) is preloaded, so the tool can look Adw
#   classes up by name. A template's *parent* class is not looked up but
#   must already be registered, so a prelude file is validated first that
#   names those parents as GtkListStore column types, which registers them
#   without creating anything.
# - Our classes (LimberFoo): validating a template file registers a
#   stand-in type for its class, derived from its parent, so a file is
#   validated after the templates of the Limber classes it uses, in the
#   same run of the tool. A class with no .ui file gets a stand-in from an
#   empty template made from its G_DECLARE_*_TYPE () in SRC_DIR's headers.
#   Properties that a class adds in C are unknown to its stand-in, so a
#   .ui file can't set them (set them in C); a misspelt class name is
#   still an error.
# - Signal handlers: GTK 4.8's tool wants each handler to be a function it
#   can find, and ours are static, bound with
#   gtk_widget_class_bind_template_callback (). The tool is given a copy of
#   each file whose handlers all name g_free () (never called): the signal
#   names and the objects they refer to are still checked.

set -u

if [[ $# -lt 1 || $# -gt 3 ]]; then
  echo "usage: $0 UI_DIR [GTK4_BUILDER_TOOL [SRC_DIR]]" >&2
  exit 2
fi
ui_dir=$1
tool=${2:-gtk4-builder-tool}
src_dir=${3-}

shopt -s nullglob
files=("$ui_dir"/*.ui)
if (( ${#files[@]} == 0 )); then
  echo "validate-ui: no .ui files in $ui_dir: nothing to validate"
  exit 0
fi

if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
  echo "validate-ui: gtk4-builder-tool needs a display: run the tests under xvfb-run" >&2
  exit 1
fi

preload=${LIMBER_UI_PRELOAD-}
if [[ -z $preload ]] && command -v pkg-config > /dev/null; then
  libdir=$(pkg-config --variable=libdir libadwaita-1 2> /dev/null)
  [[ -n $libdir && -e $libdir/libadwaita-1.so.0 ]] && preload=$libdir/libadwaita-1.so.0
fi
[[ -n ${LD_PRELOAD:-} ]] && preload=${preload:+$preload:}$LD_PRELOAD

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/ui" "$tmp/stub"

# template_attr ATTR FILE: an attribute of FILE's <template> element.
template_attr () {
  sed -n "s/.*<template[^>]*[[:space:]]$1=\"\([^\"]*\)\".*/\1/p" "$2" | head -n 1
}

# used_classes FILE: every class FILE names (objects, template, parent).
used_classes () {
  grep -o '[[:space:]]\(class\|parent\)="[^"]*"' "$1" \
    | sed 's/.*="\(.*\)"/\1/' | sort -u
}

# The tool is given copies (see above); `original` maps them back.
declare -A original=()
declare -A template_file=()   # class -> the copy that is its template
for f in "${files[@]}"; do
  copy=$tmp/ui/${f##*/}
  sed 's/\([[:space:]]handler=\)"[^"]*"/\1"g_free"/g' "$f" > "$copy"
  original[$copy]=$f
  class=$(template_attr class "$f")
  [[ -n $class ]] && template_file[$class]=$copy
done

# Classes declared in C with no .ui file: an empty template each.
if [[ -n $src_dir && -d $src_dir ]]; then
  while IFS=, read -r class _ _ _ parent; do
    [[ -z $class || -z $parent || -n ${template_file[$class]+set} ]] && continue
    stub=$tmp/stub/$class.ui
    printf '<interface><template class="%s" parent="%s"/></interface>\n' \
      "$class" "$parent" > "$stub"
    template_file[$class]=$stub
  done < <(find "$src_dir" -name '*.h' -exec cat {} + | tr '\n' ' ' \
             | grep -o 'G_DECLARE_[A-Z]*_TYPE *([^)]*)' \
             | sed 's/^[^(]*(//; s/)$//; s/[[:space:]]//g')
fi

# write_prelude FILE...: the prelude for a run of the tool on FILEs: it
# registers the parents of their templates that are not ours.
prelude=$tmp/prelude.ui
write_prelude () {
  local file parent
  {
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<interface>'
    echo '  <object class="GtkListStore">'
    echo '    <columns>'
    echo '      <column type="GObject"/>'
    for file in "$@"; do
      parent=$(template_attr parent "$file")
      [[ -z $parent || -n ${template_file[$parent]+set} ]] && continue
      echo "      <column type=\"$parent\"/>"
    done
    echo '    </columns>'
    echo '  </object>'
    echo '</interface>'
  } > "$prelude"
}

# visit FILE: append to `order` the templates FILE uses (theirs before
# them), then FILE.
declare -A seen=()
order=()
visit () {
  local file=$1 class dep
  [[ -n ${seen[$file]+set} ]] && return
  seen[$file]=1
  for class in $(used_classes "$file"); do
    dep=${template_file[$class]-}
    [[ -n $dep && $dep != "$file" ]] && visit "$dep"
  done
  order+=("$file")
}

# Every file, each after the templates it uses.
for f in "${files[@]}"; do
  visit "$tmp/ui/${f##*/}"
done
all=("${order[@]}")

declare -A bad=()   # copies found not valid
for f in "${all[@]}"; do
  [[ -n ${original[$f]+set} ]] || continue   # a stub: checked with its users
  seen=()
  order=()
  visit "$f"
  broken=
  for dep in "${order[@]}"; do
    [[ -n ${bad[$dep]+set} ]] && broken+=" ${dep##*/}"
  done
  if [[ -n $broken ]]; then
    echo "FAILED: ${original[$f]}: uses templates that are not valid:$broken" >&2
    bad[$f]=1
    continue
  fi
  write_prelude "${order[@]}"
  LD_PRELOAD=$preload "$tool" validate "$prelude" "${order[@]}" 2> "$tmp/err"
  status=$?
  # The tool names the copies: name the real files instead.
  err=$(< "$tmp/err")
  [[ -n $err ]] && printf '%s\n' "${err//"$tmp/ui/"/"$ui_dir/"}" >&2
  if (( status == 0 )); then
    echo "ok: ${original[$f]}"
  else
    echo "FAILED: ${original[$f]}" >&2
    bad[$f]=1
  fi
done

if (( ${#bad[@]} > 0 )); then
  echo "validate-ui: ${#bad[@]} of ${#files[@]} .ui files are not valid (messages above)" >&2
  exit 1
fi
echo "validate-ui: all ${#files[@]} .ui files are valid"
