package dcl

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// endpoint is one REST listing saved in a snapshot.
type endpoint struct {
	file, path, key string
	// optional endpoints that fail (a node without them) are left out.
	optional bool
}

func endpoints() []endpoint {
	return []endpoint{
		{FileAllCertificates, "/dcl/pki/all-certificates", "certificates", false},
		{FileProposedCertificates, "/dcl/pki/proposed-certificates", "proposedCertificate", false},
		{FileRevokedCertificates, "/dcl/pki/revoked-certificates", "revokedCertificates", false},
		{FileRevocationPoints, "/dcl/pki/revocation-points", "PkiRevocationDistributionPoint", false},
		{FileAccounts, "/dcl/auth/accounts", "account", false},
		{FileRevokedNOCRoots, "/dcl/pki/revoked-noc-root-certificates", "revokedNocRootCertificates", true},
		{FileRevokedNOCICAs, "/dcl/pki/revoked-noc-ica-certificates", "revokedNocIcaCertificates", true},
	}
}

// maxResponse limits one REST page.
const maxResponse = 64 << 20

// maxPages stops a node that never ends its pagination.
const maxPages = 100000

// SaveSnapshot saves the REST listings LoadSnapshot reads from a DCL
// node's REST API (node is its base URL, e.g. https://on.dcl.csa-iot.org)
// into dir, following pagination.next_key until the node reports no more
// pages. Each file holds one response with every page's items. client nil
// means http.DefaultClient.
func SaveSnapshot(ctx context.Context, client *http.Client, node, dir string) error {
	if client == nil {
		client = http.DefaultClient
	}
	base, err := url.Parse(strings.TrimRight(node, "/"))
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return fmt.Errorf("dcl: %q is not an http(s) node URL", node)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &FileError{File: dir, Err: err}
	}
	for _, ep := range endpoints() {
		items, err := fetchAll(ctx, client, base, ep)
		if err != nil {
			if ep.optional && ctx.Err() == nil {
				continue
			}
			return err
		}
		if items == nil {
			items = []json.RawMessage{}
		}
		out := map[string]any{
			ep.key:       items,
			"pagination": map[string]any{"next_key": nil, "total": fmt.Sprint(len(items))},
		}
		b, err := json.MarshalIndent(out, "", " ")
		if err != nil {
			return err
		}
		path := filepath.Join(dir, ep.file)
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			return &FileError{File: path, Err: err}
		}
	}
	return nil
}

func fetchAll(ctx context.Context, client *http.Client, base *url.URL, ep endpoint) ([]json.RawMessage, error) {
	var items []json.RawMessage
	key := ""
	seen := map[string]bool{}
	for page := 0; ; page++ {
		if page >= maxPages {
			return nil, fmt.Errorf("dcl: %s: more than %d pages", ep.path, maxPages)
		}
		u := *base
		u.Path += ep.path
		q := url.Values{}
		q.Set("pagination.limit", "1000")
		if key != "" {
			q.Set("pagination.key", key)
		}
		u.RawQuery = q.Encode()
		var resp struct {
			Pagination *struct {
				NextKey *string `json:"next_key"`
			} `json:"pagination"`
		}
		raw, err := get(ctx, client, u.String())
		if err != nil {
			return nil, err
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			return nil, fmt.Errorf("dcl: %s: not a JSON object: %w", u.String(), err)
		}
		if err := json.Unmarshal(raw, &resp); err != nil {
			return nil, fmt.Errorf("dcl: %s: %w", u.String(), err)
		}
		if list, ok := obj[ep.key]; ok && string(list) != "null" {
			var pageItems []json.RawMessage
			if err := json.Unmarshal(list, &pageItems); err != nil {
				return nil, fmt.Errorf("dcl: %s: %q is not a list: %w", u.String(), ep.key, err)
			}
			items = append(items, pageItems...)
		}
		if resp.Pagination == nil || resp.Pagination.NextKey == nil || *resp.Pagination.NextKey == "" {
			return items, nil
		}
		key = *resp.Pagination.NextKey
		if seen[key] {
			return nil, fmt.Errorf("dcl: %s: the node repeats pagination key %q", ep.path, key)
		}
		seen[key] = true
	}
}

func get(ctx context.Context, client *http.Client, u string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("dcl: %w", err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse+1))
	if err != nil {
		return nil, fmt.Errorf("dcl: %s: %w", u, err)
	}
	if len(b) > maxResponse {
		return nil, fmt.Errorf("dcl: %s: %w: response over %d bytes", u, ErrFileTooLarge, maxResponse)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Message string `json:"message"`
		}
		_ = json.Unmarshal(b, &e)
		return nil, fmt.Errorf("dcl: %s: %w: %s %s", u, errHTTP, resp.Status, e.Message)
	}
	return b, nil
}

var errHTTP = errors.New("HTTP error")
