"""What every article parser shares: page metadata (JSON-LD, OpenGraph, meta tags), titles,
bylines, dates, images and the body extractor. Pure: HTML trees in, values out."""
