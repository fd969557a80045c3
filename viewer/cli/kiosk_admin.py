"""``kiosk-pin``: the administrator's PIN as the line to paste into kiosk.toml, never the PIN itself."""

from __future__ import annotations

import click

from .context import fail


@click.command("kiosk-pin")
def kiosk_pin() -> None:
    """Ask for a kiosk PIN (twice) and print the pin_hash line for the [admin] section of kiosk.toml."""
    from ..core.kiosk_pin import PIN_PATTERN, hash_pin

    pin = click.prompt("PIN (4 to 12 digits)", hide_input=True, err=True).strip()
    if not PIN_PATTERN.fullmatch(pin):
        fail("a kiosk PIN is 4 to 12 digits; nothing printed", 1)
    again = click.prompt("The same PIN again", hide_input=True, err=True).strip()
    if again != pin:
        fail("the two PINs differ; nothing printed", 1)
    click.echo("# in kiosk.toml, section [admin] (a salted scrypt hash: the PIN itself is not in it)", err=True)
    click.echo(f'pin_hash = "{hash_pin(pin)}"')
