#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""test-accessibility.py — every control and picture has a name, as Orca reads it

Starts the real application on the sample program with the real AT-SPI
backend (GTK_A11Y=test, which the other GUI tests use, keeps the tree in
the process), walks its windows' accessible tree with pyatspi, the way a
screen reader sees them, and fails on any focusable control or any image
that has no name.  The main window first; then, opened as a user opens
them (its buttons pressed through AT-SPI, Preferences through the app's
own action on D-Bus), the handout preview, the exam dialog, Preferences
and the custom-stretch editor, each walked in turn.  It prints what it
counted in each, and each nameless object with the path that leads to
it (LIMBER_A11Y_DUMP=1: the whole tree).

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


CONTROL_ROLES = ("list item", "push button", "toggle button", "page tab", "text", "entry",
                 "combo box", "check box", "menu item", "radio button", "spin button")


def in_named_control(where):
    """Whether the nearest control around this object (its path) has a
    name: an icon inside a named button, row or entry is part of it, and
    a screen reader reads the control, not the icon (libadwaita 1.2's
    rows, entry rows, view switchers and drop-downs draw such icons)."""
    for step in reversed(where[:-1]):
        role, _, name = step.partition(" '")
        if role in CONTROL_ROLES:
            return has_name_text(name.rstrip("'"))
    return False


def has_name_text(name):
    name = name.strip()
    return bool(name) and not TYPE_NAME.match(name)


def is_expander_part(acc, where, pyatspi):
    """libadwaita 1.2's AdwExpanderRow is a nameless list item around a
    list whose first row, its header, carries the title (and takes the
    focus): that outer item and that inner list are its parts."""
    role = acc.getRole()
    if role == pyatspi.ROLE_LIST_ITEM:
        for child, _ in descendants(acc):
            if child.getRole() == pyatspi.ROLE_LIST_ITEM:
                return has_name(child)
        return False
    if role == pyatspi.ROLE_LIST and len(where) >= 2:
        return any(step == "list item ''" for step in where[-4:-1])
    return False


def is_empty_list(acc, pyatspi):
    """A list with no rows: GTK 4.8's list box takes no focus then (an
    empty group of libadwaita's preferences keeps one)."""
    return acc.getRole() == pyatspi.ROLE_LIST and acc.childCount == 0


def audit(root, label, pyatspi):
    """Counts the focusable controls and the pictures under root, prints
    the counts and each one without a name; returns how many had none."""
    controls = named_controls = images = named_images = 0
    nameless = []
    dropdown_parts = []
    parts = []
    dump = os.environ.get("LIMBER_A11Y_DUMP")
    for acc, where in descendants(root):
        states = acc.getState()
        role = acc.getRole()
        if dump:
            print("  " * (len(where) - 1) + where[-1],
                  "focusable" if states.contains(pyatspi.STATE_FOCUSABLE) else "")
        if not states.contains(pyatspi.STATE_VISIBLE):
            continue
        named = has_name(acc)
        if not named and (is_expander_part(acc, where, pyatspi) or is_empty_list(acc, pyatspi)
                          or (is_picture(acc, pyatspi) and in_named_control(where))):
            parts.append(where)
            continue
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

    print(f"{label}: focusable controls: {controls}, named: {named_controls}; "
          f"images: {images}, named: {named_images}", flush=True)
    if dropdown_parts:
        print(f"{label}: not counted: {len(dropdown_parts)} parts of drop-downs without a name of "
              "their own (GTK 4.8 names neither a drop-down's button nor its popup rows)")
    if parts:
        print(f"{label}: not counted: {len(parts)} icons inside named controls, parts of "
              "libadwaita's expander rows and empty lists")
    for kind, where in nameless:
        print(f"{label}: no name ({kind}): " + " > ".join(where))
    if controls == 0:
        fail(f"{label}: no controls found: the tree was not read")
    return len(nameless)


def find(root, role, name):
    """The first object under root with this role and name, or None.
    GTK 4.8 names a button of an AdwMessageDialog "_Cancel Cancel": the
    name with its underline and once more; that is found too."""
    loose = None
    for acc, _ in descendants(root):
        if acc.getRole() != role:
            continue
        # A menu button is two objects of one name: the one that acts.
        try:
            acts = acc.queryAction().nActions > 0
        except NotImplementedError:
            acts = False
        if not acts:
            continue
        if acc.name == name:
            return acc
        if loose is None and acc.name.replace("_", "").split(" ")[0] == name:
            loose = acc
    return loose


def press(root, role, name):
    """Presses the control as a screen reader user does: its first
    action (click, toggle or activate)."""
    acc = poll(f"{name!r} in the tree", lambda: find(root, role, name))
    action = acc.queryAction()
    if action.nActions < 1:
        fail(f"{name!r} has no action a screen reader can do")
    action.doAction(0)


def windows(app):
    return [app.getChildAtIndex(i) for i in range(app.childCount)]


def new_window(app, before, what):
    """A window of app's that was not among before, once it has children."""
    def probe():
        for w in windows(app):
            if w is not None and w not in before and w.childCount > 0:
                return w
        return None
    window = poll(what, probe)
    time.sleep(1.0)  # let it lay out and fill in
    return window


def close(window):
    """Closes a window we opened, through its own close button, or leaves
    it: the next window is found as a new one either way."""
    try:
        button = find(window, pyatspi_module().ROLE_PUSH_BUTTON, "Close")
        if button is not None:
            button.queryAction().doAction(0)
    except Exception:  # gone already
        pass


def pyatspi_module():
    import pyatspi
    return pyatspi


def activate_app_action(name):
    """An action of the application (app.NAME), as the desktop's shell
    activates it: GApplication exports them on the session bus."""
    from gi.repository import Gio, GLib

    session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    session.call_sync("io.github.limber.Limber", "/io/github/limber/Limber", "org.gtk.Actions",
                      "Activate", GLib.Variant("(sava{sv})", (name, [], {})), None,
                      Gio.DBusCallFlags.NONE, 5000, None)


def audit_dialogs(app, pid, pyatspi):
    """Opens each secondary window in turn and walks it; returns how many
    had no name in all of them."""
    failures = 0
    main_window = windows(app)[0]

    before = windows(app)
    press(main_window, pyatspi.ROLE_PUSH_BUTTON, "Preview the handout")
    preview = new_window(app, before, "the handout preview")
    failures += audit(preview, "handout preview", pyatspi)
    close(preview)

    before = windows(app)
    press(main_window, pyatspi.ROLE_PUSH_BUTTON, "Add Exam")
    exam = new_window(app, before, "the exam dialog")
    failures += audit(exam, "exam dialog", pyatspi)
    press(exam, pyatspi.ROLE_PUSH_BUTTON, "Cancel")

    before = windows(app)
    activate_app_action("preferences")
    preferences = new_window(app, before, "Preferences")
    failures += audit(preferences, "preferences", pyatspi)
    close(preferences)

    before = windows(app)
    press(main_window, pyatspi.ROLE_PUSH_BUTTON, "New program")
    press(main_window, pyatspi.ROLE_MENU_ITEM, "Custom Stretch…")
    editor = new_window(app, before, "the custom-stretch editor")
    failures += audit(editor, "custom-stretch editor", pyatspi)
    return failures


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

        failures = audit(app, "main window", pyatspi)
        failures += audit_dialogs(app, app_proc.pid, pyatspi)
        if failures:
            fail(f"{failures} without a name")
        print("every focusable control and every image has a name, in every window")
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
