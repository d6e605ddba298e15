"""Draw each addon's static/description/icon.png (run once; the PNGs are committed)."""

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ICONS = {
    "community_grid": ("#c0392b", "网"),
    "community_party": ("#b71c1c", "党"),
    "community_mediation": ("#1e6fa8", "调"),
    "community_volunteer": ("#e67e22", "志"),
    "community_governance": ("#2c3e50", "治"),
}
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"


def main(root):
    for addon, (colour, char) in ICONS.items():
        img = Image.new("RGBA", (256, 256), colour)
        draw = ImageDraw.Draw(img)
        font = ImageFont.truetype(FONT, 170)
        box = draw.textbbox((0, 0), char, font=font)
        x = (256 - (box[2] - box[0])) / 2 - box[0]
        y = (256 - (box[3] - box[1])) / 2 - box[1]
        draw.text((x, y), char, font=font, fill="white")
        out = Path(root) / "addons" / addon / "static" / "description" / "icon.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        img.save(out, optimize=True)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
