# Rewrites data/events/patterns.json with one pattern a line (readable diffs).
import json, sys
p = sys.argv[1] if len(sys.argv) > 1 else 'data/events/patterns.json'
d = json.load(open(p))
lines = ['{', '  "about": ' + json.dumps(d['about'], ensure_ascii=False) + ',', '  "patterns": [']
items = [json.dumps(x, ensure_ascii=False) for x in d['patterns']]
lines += ['    ' + it + (',' if i < len(items) - 1 else '') for i, it in enumerate(items)]
lines += ['  ]', '}']
open(p, 'w').write('\n'.join(lines) + '\n')
