"""Simple illustrations for the demo, drawn with Pillow when ``load_demo`` runs.

Each is a sky-to-ground gradient with one motif (a table of people, steps, open doors, a town,
hills or fields). Drawing is deterministic, so every demo looks the same.
"""

import io
import random

from PIL import Image, ImageDraw, ImageOps

WIDTH, HEIGHT = 1600, 900
HORIZON = 600


def rgb(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return tuple(int(color[i : i + 2], 16) for i in (0, 2, 4))


def mix(a, b, share: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * share) for x, y in zip(a, b, strict=True))


def background(dark, light) -> Image.Image:
    gradient = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    return ImageOps.colorize(gradient, black=light, white=dark).convert("RGB")


def draw_table(draw, dark, light, rng):
    centre_x, centre_y = WIDTH // 2, 640
    draw.ellipse((centre_x - 380, centre_y - 90, centre_x + 380, centre_y + 90), fill=dark)
    for n in range(12):
        x = centre_x - 520 + n * 95
        y = centre_y - 150 + (40 if n in (0, 11) else 0) + rng.randint(-10, 10)
        shade = mix(dark, light, 0.25 + 0.5 * (n % 4) / 3)
        draw.ellipse((x - 32, y - 110, x + 32, y - 46), fill=shade)
        draw.rounded_rectangle((x - 44, y - 40, x + 44, y + 70), radius=30, fill=shade)
    draw.ellipse((WIDTH - 330, 90, WIDTH - 170, 250), fill=mix(light, (255, 255, 255), 0.6))


def draw_steps(draw, dark, light, rng):
    for n in range(5):
        left = 220 + n * 240
        top = 760 - (n + 1) * 110
        draw.rectangle((left, top, left + 240, HEIGHT), fill=mix(dark, light, n / 6))
    draw.line((1360, 210, 1360, 60), fill=dark, width=10)
    draw.polygon(((1365, 60), (1480, 95), (1365, 130)), fill=mix(light, (255, 255, 255), 0.5))


def draw_doors(draw, dark, light, rng):
    draw.polygon(((500, 360), (800, 150), (1100, 360)), fill=dark)
    draw.rectangle((540, 360, 1060, HORIZON + 60), fill=mix(dark, light, 0.3))
    draw.rectangle((720, 440, 880, HORIZON + 60), fill=mix(light, (255, 255, 255), 0.5))
    draw.polygon(
        ((720, HEIGHT), (880, HEIGHT), (850, HORIZON + 60), (750, HORIZON + 60)), fill=light
    )


def draw_town(draw, dark, light, rng):
    draw.rectangle((0, HORIZON + 80, WIDTH, HEIGHT), fill=mix(dark, light, 0.45))
    x = 40
    while x < WIDTH - 80:
        width, height = rng.randint(90, 180), rng.randint(140, 360)
        draw.rectangle((x, HORIZON + 80 - height, x + width, HORIZON + 80), fill=dark)
        for row in range(HORIZON + 100 - height, HORIZON + 50, 50):
            if rng.random() < 0.5:
                draw.rectangle((x + 20, row, x + 45, row + 25), fill=light)
        x += width + rng.randint(10, 40)


def draw_hills(draw, dark, light, rng):
    for layer in range(3):
        points = [(0, HEIGHT)]
        base = HORIZON - 120 + layer * 120
        for x in range(0, WIDTH + 200, 200):
            points.append((x, base + rng.randint(-80, 40)))
        points.append((WIDTH, HEIGHT))
        draw.polygon(points, fill=mix(dark, light, 0.6 - layer * 0.25))
    draw.ellipse((240, 110, 420, 290), fill=mix(light, (255, 255, 255), 0.7))


def draw_fields(draw, dark, light, rng):
    for n in range(8):
        top = HORIZON + n * 40
        draw.rectangle((0, top, WIDTH, top + 40), fill=mix(dark, light, (n % 2) * 0.3 + 0.2))
    draw.rectangle((1100, HORIZON - 160, 1250, HORIZON), fill=dark)
    draw.polygon(((1080, HORIZON - 160), (1175, HORIZON - 250), (1270, HORIZON - 160)), fill=dark)


MOTIFS = {
    "table": draw_table,
    "steps": draw_steps,
    "doors": draw_doors,
    "town": draw_town,
    "hills": draw_hills,
    "fields": draw_fields,
}


def illustration(motif: str, colors: list[str], seed: str) -> bytes:
    """A JPEG of ``motif`` in ``colors`` (sky, then ground), the same for the same seed."""
    dark, light = rgb(colors[0]), rgb(colors[1])
    image = background(dark, light)
    MOTIFS[motif](ImageDraw.Draw(image), dark, light, random.Random(seed))  # noqa: S311
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=82, optimize=True)
    return output.getvalue()
