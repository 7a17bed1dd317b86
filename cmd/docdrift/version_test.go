package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionFrom(t *testing.T) {
	vcs := func(rev, time, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.time", Value: time}, {Key: "vcs.modified", Value: modified}}
	}
	tests := []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"go install module@version", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, "v1.2.0"},
		{"a clone at a tag", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}, Settings: vcs("3e399034e8d3f1a2", "2026-12-02T03:00:00Z", "false")}, "v1.2.0 3e399034e8d3 2026-12-02T03:00:00Z"},
		{"a clone past a tag, modified (Go 1.24+ stamps a pseudo-version)", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.1-0.20261202030000-3e399034e8d3+dirty"}, Settings: vcs("3e399034e8d3f1a2", "2026-12-02T03:00:00Z", "true")}, "devel 3e399034e8d3 2026-12-02T03:00:00Z modified"},
		{"go install module@commit", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202030000-3e399034e8d3"}}, "v0.0.0-20261202030000-3e399034e8d3"},
		{"a clean clone", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("3e399034e8d3f1a2b4c5d6e7f8091a2b3c4d5e6f", "2026-12-02T03:00:00Z", "false")},
			"devel 3e399034e8d3 2026-12-02T03:00:00Z"},
		{"a modified tree", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("3e399034e8d3f1a2", "2026-12-02T03:00:00Z", "true")},
			"devel 3e399034e8d3 2026-12-02T03:00:00Z modified"},
		{"no VCS stamp (go run, -buildvcs=false)", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel"},
		{"no build info", nil, "devel"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionFrom(tt.info); got != tt.want {
				t.Errorf("versionFrom: got %q, want %q", got, tt.want)
			}
		})
	}
}
