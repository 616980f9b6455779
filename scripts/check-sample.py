#!/usr/bin/env python3
"""check-sample.py: validate the sample projects and print their reliability figures.

    python3 scripts/check-sample.py [sample-projects/NAME ...]

With no argument every sample-projects/*/ that holds a project.txt is checked.
It verifies the text format that the Makefile builds into project files
(see sample-projects/README.md) and prints:
  - counts: documents, main categories, sub-categories, codes, codings per coder;
  - inter-coder agreement between the first two coders in project.txt:
    Cohen's kappa on paragraph presence (a unit is one paragraph and one code;
    the coders agree when both or neither applied the code in that paragraph),
    the 2x2 cells summed over every code of the codebook and every paragraph,
    then also per main category;
  - test-retest of coder-a against codings/coder-a-retest.tsv, per document and
    in total: percent = 2 x agreements / (codings of both passes) x 100, where
    a coding agrees when the other pass has the same code in the same paragraph;
  - saturation: per interview, in order, how many codes coder-a used for the
    first time.
Exit status 1 if any check fails.
"""
import csv
import os
import re
import sys
from collections import Counter

ROLES = {'central', 'causal', 'contextual', 'intervening', 'strategies', 'consequences'}
errors = []


def err(proj, msg):
    errors.append('%s: %s' % (proj, msg))


def read_text(proj, path):
    raw = open(path, 'rb').read()
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        err(proj, '%s: not UTF-8 (%s)' % (path, e))
        text = raw.decode('utf-8', 'replace')
    if '\r' in text:
        err(proj, '%s: CR characters (use LF line endings)' % path)
    if text.startswith('\ufeff'):
        err(proj, '%s: byte-order mark' % path)
    return text


def parse_project(proj, d):
    info = {}
    p = os.path.join(d, 'project.txt')
    if not os.path.exists(p):
        err(proj, 'project.txt missing')
        return info
    for n, line in enumerate(read_text(proj, p).split('\n'), 1):
        if not line.strip() or line.startswith('#'):
            continue
        k, sep, v = line.partition(': ')
        if not sep:
            err(proj, 'project.txt:%d: not "key: value"' % n)
            continue
        info[k.strip()] = v.strip()
    for k in ('title', 'description', 'language', 'direction', 'coders'):
        if k not in info:
            err(proj, 'project.txt: no %s' % k)
    if info.get('language') not in (None, 'fa', 'en'):
        err(proj, 'project.txt: language must be fa or en')
    if info.get('direction') not in (None, 'rtl', 'ltr', 'auto'):
        err(proj, 'project.txt: direction must be rtl, ltr or auto')
    coders = []
    for c in info.get('coders', '').split(','):
        c = c.strip()
        if not c:
            continue
        login, _, name = c.partition(' ')
        if not re.fullmatch(r'[a-z0-9][a-z0-9._-]*', login) or not name.strip():
            err(proj, 'project.txt: coder "%s" is not "login Display Name"' % c)
        coders.append(login)
    info['coder_logins'] = coders
    return info


def parse_docs(proj, d):
    docs = {}
    dd = os.path.join(d, 'docs')
    if not os.path.isdir(dd):
        err(proj, 'docs/ missing')
        return docs
    for fn in sorted(os.listdir(dd)):
        path = os.path.join(dd, fn)
        if not re.fullmatch(r'\d\d-[a-z0-9-]+\.txt', fn):
            err(proj, 'docs/%s: name is not NN-slug.txt' % fn)
            continue
        text = read_text(proj, path)
        if not text.endswith('\n'):
            err(proj, 'docs/%s: does not end with a newline' % fn)
        lines = text.rstrip('\n').split('\n')
        for n, line in enumerate(lines, 1):
            if not line.strip():
                err(proj, 'docs/%s:%d: blank line' % (fn, n))
            elif not re.match(r'^[^:\s][^:]{0,40}: ', line):
                err(proj, 'docs/%s:%d: no speaker label' % (fn, n))
            if '\t' in line:
                err(proj, 'docs/%s:%d: tab character' % (fn, n))
        docs[fn[:-4]] = {'text': text, 'lines': lines, 'bytes': len(text.encode('utf-8'))}
    orders = [k[:2] for k in docs]
    if orders != ['%02d' % i for i in range(1, len(docs) + 1)]:
        err(proj, 'docs/: interview numbers are not 01..%02d in sequence' % len(docs))
    return docs


def parse_attributes(proj, d, docs):
    p = os.path.join(d, 'attributes.csv')
    attrs = {}
    if not os.path.exists(p):
        err(proj, 'attributes.csv missing')
        return attrs
    rows = list(csv.reader(read_text(proj, p).splitlines()))
    if not rows or rows[0] != ['document', 'key', 'value']:
        err(proj, 'attributes.csv: header must be document,key,value')
        return attrs
    for n, r in enumerate(rows[1:], 2):
        if len(r) != 3:
            err(proj, 'attributes.csv:%d: %d fields' % (n, len(r)))
            continue
        if r[0] not in docs:
            err(proj, 'attributes.csv:%d: no document %s' % (n, r[0]))
        if (r[0], r[1]) in attrs:
            err(proj, 'attributes.csv:%d: duplicate %s/%s' % (n, r[0], r[1]))
        attrs[(r[0], r[1])] = r[2]
    for doc in docs:
        if not any(k[0] == doc for k in attrs):
            err(proj, 'attributes.csv: no attributes for %s' % doc)
    return attrs


def parse_codebook(proj, d):
    """Returns (nodes, codes): nodes are dicts with name, kind, depth, role, top."""
    p = os.path.join(d, 'codebook.txt')
    nodes = []
    if not os.path.exists(p):
        err(proj, 'codebook.txt missing')
        return nodes, {}
    seen = set()
    stack = []  # nodes by depth
    for n, line in enumerate(read_text(proj, p).split('\n'), 1):
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        m = re.fullmatch(r'((?:  )*)([+-]) (.+)', line)
        if not m:
            err(proj, 'codebook.txt:%d: not "+ Name" or "- Name" with 2-space indents' % n)
            continue
        depth = len(m.group(1)) // 2
        body, _, definition = m.group(3).partition(' :: ')
        role = None
        rm = re.fullmatch(r'(.*?) \[([a-z]+)\]', body)
        if rm:
            body, role = rm.group(1), rm.group(2)
            if role not in ROLES:
                err(proj, 'codebook.txt:%d: unknown role [%s]' % (n, role))
            if depth != 0 or m.group(2) != '+':
                err(proj, 'codebook.txt:%d: a role belongs on a top-level category' % n)
        name = body.strip()
        if not name:
            err(proj, 'codebook.txt:%d: empty name' % n)
        if name in seen:
            err(proj, 'codebook.txt:%d: name "%s" used twice' % (n, name))
        seen.add(name)
        if depth > len(stack):
            err(proj, 'codebook.txt:%d: indented more than one level below its parent' % n)
            depth = len(stack)
        del stack[depth:]
        if stack and stack[-1]['kind'] == '-':
            err(proj, 'codebook.txt:%d: "%s" is under a code, not a category' % (n, name))
        node = {'name': name, 'kind': m.group(2), 'depth': depth, 'role': role,
                'top': stack[0]['name'] if stack else name, 'definition': definition.strip()}
        nodes.append(node)
        stack.append(node)
    codes = {x['name']: x for x in nodes if x['kind'] == '-'}
    return nodes, codes


def parse_codings(proj, d, fn, docs, codes, names):
    p = os.path.join(d, 'codings', fn)
    out = []
    text = read_text(proj, p)
    lines = text.split('\n')
    if lines[-1] == '':
        lines.pop()
    else:
        err(proj, '%s: does not end with a newline' % fn)
    if not lines or lines[0] != 'document\tcode\tquote':
        err(proj, '%s: header must be document<TAB>code<TAB>quote' % fn)
        return out
    for n, line in enumerate(lines[1:], 2):
        f = line.split('\t')
        if len(f) not in (3, 4):
            err(proj, '%s:%d: %d fields' % (fn, n, len(f)))
            continue
        doc, code, quote = f[:3]
        if doc not in docs:
            err(proj, '%s:%d: no document %s' % (fn, n, doc))
            continue
        if code not in codes:
            if code in names:
                err(proj, '%s:%d: "%s" is a category, not a code' % (fn, n, code))
            else:
                err(proj, '%s:%d: no code "%s" in the codebook' % (fn, n, code))
            continue
        if not quote.strip():
            err(proj, '%s:%d: empty quote' % (fn, n))
            continue
        dtext = docs[doc]['text']
        positions = [m.start() for m in re.finditer('(?=%s)' % re.escape(quote), dtext)]
        if not positions:
            err(proj, '%s:%d: quote not found in %s: "%s"' % (fn, n, doc, quote))
            continue
        if len(f) == 4:
            if not f[3].isdigit() or not 1 <= int(f[3]) <= len(positions):
                err(proj, '%s:%d: occurrence %s, but the quote occurs %d time(s)'
                    % (fn, n, f[3], len(positions)))
                continue
            if len(positions) == 1:
                err(proj, '%s:%d: occurrence column on a quote that occurs once' % (fn, n))
            pos = positions[int(f[3]) - 1]
        else:
            if len(positions) > 1:
                err(proj, '%s:%d: quote occurs %d times in %s; give the occurrence'
                    % (fn, n, len(positions), doc))
            pos = positions[0]
        para = dtext.count('\n', 0, pos)
        out.append((doc, para, code))
    return out


def kappa(a, b, c, dd):
    n = a + b + c + dd
    if n == 0:
        return float('nan')
    po = (a + dd) / n
    pe = ((a + b) * (a + c) + (c + dd) * (b + dd)) / (n * n)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def check(d):
    proj = os.path.basename(os.path.normpath(d))
    n_err = len(errors)
    info = parse_project(proj, d)
    docs = parse_docs(proj, d)
    parse_attributes(proj, d, docs)
    nodes, codes = parse_codebook(proj, d)
    names = {x['name'] for x in nodes}
    tops = [x for x in nodes if x['depth'] == 0]
    subs = [x for x in nodes if x['kind'] == '+' and x['depth'] > 0]
    cod = {}
    cdir = os.path.join(d, 'codings')
    for fn in sorted(os.listdir(cdir)) if os.path.isdir(cdir) else []:
        if not fn.endswith('.tsv'):
            continue
        login = fn[:-4]
        base = login[:-7] if login.endswith('-retest') else login
        if base not in info.get('coder_logins', []):
            err(proj, 'codings/%s: coder %s is not in project.txt' % (fn, base))
        cod[login] = parse_codings(proj, d, fn, docs, codes, names)

    mp = os.path.join(d, 'memos.txt')
    n_memos = 0
    if os.path.exists(mp):
        for n, line in enumerate(read_text(proj, mp).split('\n'), 1):
            if not line.startswith('##'):
                continue
            m = re.fullmatch(r'## (code|doc|free): (.+)', line)
            n_memos += 1
            if not m:
                err(proj, 'memos.txt:%d: not "## code|doc|free: NAME"' % n)
            elif m.group(1) == 'code' and m.group(2) not in names:
                err(proj, 'memos.txt:%d: no code or category "%s"' % (n, m.group(2)))
            elif m.group(1) == 'doc' and m.group(2) not in docs:
                err(proj, 'memos.txt:%d: no document "%s"' % (n, m.group(2)))

    print('== %s: %s' % (proj, info.get('title', '?')))
    sizes = [x['bytes'] for x in docs.values()]
    if sizes:
        print('documents %d (%d to %d bytes), paragraphs %d'
              % (len(docs), min(sizes), max(sizes), sum(len(x['lines']) for x in docs.values())))
    roles = sorted({x['role'] for x in tops if x['role']}, key=lambda r: ['central', 'causal',
                   'contextual', 'intervening', 'strategies', 'consequences'].index(r))
    print('codebook: %d main categories, %d sub-categories, %d codes; roles: %s'
          % (len(tops), len(subs), len(codes), ', '.join(roles) or '-'))
    if n_memos:
        print('memos %d' % n_memos)
    for login, rows in cod.items():
        used = {r[2] for r in rows}
        print('codings %-16s %4d (codes used %d of %d)' % (login, len(rows), len(used), len(codes)))

    logins = [x for x in info.get('coder_logins', []) if x in cod]
    if len(logins) >= 2:
        A, B = logins[0], logins[1]
        sa, sb = set(cod[A]), set(cod[B])
        npara = sum(len(x['lines']) for x in docs.values())
        def cells(codeset):
            a = len({u for u in sa & sb if u[2] in codeset})
            b = len({u for u in sa - sb if u[2] in codeset})
            c = len({u for u in sb - sa if u[2] in codeset})
            return a, b, c, npara * len(codeset) - a - b - c
        a, b, c, dd = cells(set(codes))
        print('inter-coder %s vs %s: both %d, %s only %d, %s only %d, neither %d; '
              'Cohen\'s kappa = %.3f' % (A, B, a, A, b, B, c, dd, kappa(a, b, c, dd)))
        for t in tops:
            cs = {k for k, v in codes.items() if v['top'] == t['name']}
            if cs:
                print('  kappa %-7.3f %s' % (kappa(*cells(cs)), t['name']))
    if 'coder-a-retest' in cod and 'coder-a' in cod:
        r2 = cod['coder-a-retest']
        rdocs = sorted({r[0] for r in r2})
        print('test-retest coder-a (document: total codes, agreements, disagreements, percent)')
        T = G = 0
        for doc in rdocs:
            c1 = Counter(r for r in cod['coder-a'] if r[0] == doc)
            c2 = Counter(r for r in r2 if r[0] == doc)
            agree = sum(min(c1[u], c2[u]) for u in c1)
            total = sum(c1.values()) + sum(c2.values())
            T += total
            G += agree
            print('  %-32s %4d %4d %4d %6.1f%%' % (doc, total, agree, total - 2 * agree,
                                                 200.0 * agree / total if total else 0))
        print('  %-32s %4d %4d %4d %6.1f%%' % ('total', T, G, T - 2 * G, 200.0 * G / T if T else 0))
    if 'coder-a' in cod:
        seen, news = set(), []
        for doc in docs:
            used = {r[2] for r in cod['coder-a'] if r[0] == doc}
            news.append('%s:%d' % (doc[:2], len(used - seen)))
            seen |= used
        print('saturation (coder-a, new codes per interview): ' + ' '.join(news))
    print('%s: %s' % (proj, 'OK' if len(errors) == n_err else '%d error(s)' % (len(errors) - n_err)))


def main():
    dirs = sys.argv[1:]
    if not dirs:
        root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'sample-projects')
        dirs = sorted(os.path.join(root, x) for x in os.listdir(root)
                      if os.path.exists(os.path.join(root, x, 'project.txt')))
    for d in dirs:
        check(d)
    for e in errors:
        print('error: ' + e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
