#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""test-accessibility.py — every control and picture has a name, as Orca reads it

Starts the real application on the sample program with the real AT-SPI
backend (GTK_A11Y=test, which the other GUI tests use, keeps the tree in
the process), walks its windows' accessible tree with pyatspi, the way a
screen reader sees them, and fails on any focusable control or any image
that has no name.  It prints what it counted, and each nameless object
with the path that leads to it (LIMBER_A11Y_DUMP=1: the whole tree).

Run it through tests/test-accessibility.sh, which gives it its own D-Bus
session; it starts the accessibility bus there itself.

    test-accessibility.py LIMBER PROGRAM
"""

import os
import re
import shutil
import subprocess
import sys
import time

TIMEOUT = 30.0          # seconds for the bus, the window and the catalog
TYPE_NAME = re.compile(r"^(Gtk|Adw|Limber)[A-Z][A-Za-z]*$")
PICTURE_TYPES = ("GtkDrawingArea", "GtkPicture", "GtkImage")
BUS_LAUNCHERS = (
    "/usr/libexec/at-spi-bus-launcher",
    "/usr/lib/at-spi2-core/at-spi-bus-launcher",
    "/usr/lib/at-spi2/at-spi-bus-launcher",
)


def fail(message):
    print("FAIL: " + message, flush=True)
    sys.exit(1)


def poll(what, probe, timeout=TIMEOUT, interval=0.25):
    """Calls probe() until it returns something true; fails after timeout."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = probe()
        except Exception as e:  # the tree changes under us while it loads
            value = None
            last_error = e
        else:
            last_error = None
        if value:
            return value
        if time.monotonic() > deadline:
            extra = f" (last error: {last_error})" if last_error else ""
            fail(f"timed out after {timeout:.0f} s waiting for {what}{extra}")
        time.sleep(interval)


def start_accessibility_bus():
    """Starts at-spi-bus-launcher on this session bus; returns it and the
    accessibility bus's address."""
    from gi.repository import Gio, GLib

    launcher = shutil.which("at-spi-bus-launcher")
    if launcher is None:
        launcher = next((p for p in BUS_LAUNCHERS if os.access(p, os.X_OK)), None)
    if launcher is None:
        fail("no at-spi-bus-launcher (install at-spi2-core)")
    proc = subprocess.Popen([launcher, "--launch-immediately"])
    session = Gio.bus_get_sync(Gio.BusType.SESSION, None)

    def address():
        reply = session.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus",
                                  "GetAddress", None, GLib.VariantType("(s)"),
                                  Gio.DBusCallFlags.NO_AUTO_START, 1000, None)
        return reply.unpack()[0]

    return proc, poll("the accessibility bus", address)


def find_app(desktop, pid):
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def descendants(acc, path=()):
    """Every object under acc that GTK presents, with its path of roles."""
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is None:
            continue
        where = path + (f"{child.getRoleName()} {child.name!r}",)
        yield child, where
        yield from descendants(child, where)


def has_name(acc):
    """A name a listener can use: GTK 4.8 puts the widget's type name
    ("GtkDrawingArea") where there is none, and Orca reads it out."""
    name = (acc.name or "").strip()
    return bool(name) and not TYPE_NAME.match(name)


def is_picture(acc, pyatspi):
    """An image, or a drawing area that GTK 4.8 presents as a bare filler
    (the role a drawing area gets unless it is given the image role)."""
    return (acc.getRole() == pyatspi.ROLE_IMAGE
            or (acc.getRole() == pyatspi.ROLE_FILLER and acc.name in PICTURE_TYPES))


def catalog_shown(app, pyatspi):
    """True once a catalog row is in the tree (its "Show the stretch"
    button) and the loading page is gone."""
    row_seen = False
    for acc, _ in descendants(app):
        role = acc.getRole()
        if role == pyatspi.ROLE_LABEL and acc.name.startswith("Loading the Catalog"):
            if acc.getState().contains(pyatspi.STATE_SHOWING):
                return False
        if role == pyatspi.ROLE_PUSH_BUTTON and acc.name == "Show the stretch":
            row_seen = True
    return row_seen


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    limber, program = sys.argv[1], sys.argv[2]

    bus, address = start_accessibility_bus()
    # Both sides on this bus, whatever another accessibility bus on the
    # same X display says in its root window property.
    os.environ["AT_SPI_BUS_ADDRESS"] = address
    import pyatspi

    env = dict(os.environ)
    for name in ("GTK_A11Y", "NO_AT_BRIDGE"):
        env.pop(name, None)
    env["GSETTINGS_BACKEND"] = "memory"
    env["LC_ALL"] = "C.UTF-8"
    env.pop("LANGUAGE", None)
    app_proc = subprocess.Popen([limber, program], env=env)
    try:
        desktop = pyatspi.Registry.getDesktop(0)

        def window():
            if app_proc.poll() is not None:
                fail(f"limber exited with status {app_proc.returncode}")
            app = find_app(desktop, app_proc.pid)
            if app is None:
                return None
            frames = [app.getChildAtIndex(i) for i in range(app.childCount)]
            return app if any(f is not None and f.getRole() == pyatspi.ROLE_FRAME for f in frames) else None

        app = poll("the window in the accessible tree", window)
        poll("the catalog list", lambda: catalog_shown(app, pyatspi))
        time.sleep(0.5)  # let the rows the list just made settle

        controls = named_controls = images = named_images = 0
        nameless = []
        dropdown_parts = []
        dump = os.environ.get("LIMBER_A11Y_DUMP")
        for acc, where in descendants(app):
            states = acc.getState()
            role = acc.getRole()
            if dump:
                print("  " * (len(where) - 1) + where[-1],
                      "focusable" if states.contains(pyatspi.STATE_FOCUSABLE) else "")
            if not states.contains(pyatspi.STATE_VISIBLE):
                continue
            named = has_name(acc)
            if is_picture(acc, pyatspi):
                images += 1
                named_images += named
                if not named:
                    nameless.append(("image", where))
            # A scrolled window is focusable in GTK 4.8 only to hand the
            # focus on to what it scrolls; it is no control of its own.
            elif (states.contains(pyatspi.STATE_FOCUSABLE)
                  and role != pyatspi.ROLE_SCROLL_PANE):
                if any(step.startswith("combo box ") for step in where[:-1]):
                    # GTK 4.8's drop-down: the combo box has the name;
                    # its own button and popup rows cannot be given one.
                    if not named:
                        dropdown_parts.append(where)
                    continue
                controls += 1
                named_controls += named
                if not named:
                    nameless.append(("control", where))

        print(f"focusable controls: {controls}, named: {named_controls}")
        print(f"images: {images}, named: {named_images}")
        if dropdown_parts:
            print(f"not counted: {len(dropdown_parts)} parts of drop-downs without a name of "
                  "their own (GTK 4.8 names neither a drop-down's button nor its popup rows)")
        for kind, where in nameless:
            print(f"no name ({kind}): " + " > ".join(where))
        if controls == 0 or images == 0:
            fail("no controls or no images found: the tree was not read")
        if nameless:
            fail(f"{len(nameless)} without a name")
        print("every focusable control and every image has a name")
    finally:
        app_proc.terminate()
        try:
            app_proc.wait(10)
        except subprocess.TimeoutExpired:
            app_proc.kill()
        bus.terminate()
        bus.wait(10)


if __name__ == "__main__":
    main()
