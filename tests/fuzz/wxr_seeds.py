#!/usr/bin/env python3
"""wxr_seeds.py CORPUS_DIR FILE.xml... - writes every post title, content and
excerpt of the given WXR files into CORPUS_DIR, one file each (named by hash,
so reruns do not duplicate), as libFuzzer seeds for render_fuzz."""
import hashlib
import os
import sys
import xml.etree.ElementTree as ET

NS = {'content': 'http://purl.org/rss/1.0/modules/content/',
      'excerpt': 'http://wordpress.org/export/1.2/excerpt/'}


def main():
    out, files = sys.argv[1], sys.argv[2:]
    n = 0
    for path in files:
        for item in ET.parse(path).getroot().iter('item'):
            for el in (item.find('title'), item.find('content:encoded', NS), item.find('excerpt:encoded', NS)):
                text = (el.text or '') if el is not None else ''
                if not text.strip():
                    continue
                data = text.encode('utf-8')
                name = hashlib.sha1(data).hexdigest()
                with open(os.path.join(out, name), 'wb') as f:
                    f.write(data)
                n += 1
    print(f'{n} seeds from {len(files)} WXR files in {out}')


main()
