package main

import (
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/rogpeppe/go-internal/testscript"
)

// ciRecipeMarker heads the README's GitHub Actions workflow.
const ciRecipeMarker = "<!-- ci-recipe:"

// workflow is as much of a GitHub Actions workflow as the recipe test reads.
type workflow struct {
	Jobs map[string]struct {
		Env   map[string]string `yaml:"env"`
		Steps []struct {
			Name string            `yaml:"name"`
			Uses string            `yaml:"uses"`
			With map[string]string `yaml:"with"`
			Env  map[string]string `yaml:"env"`
			Run  string            `yaml:"run"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

var pinnedInstall = regexp.MustCompile(`go install github\.com/docdrift/docdrift/cmd/docdrift@v\d+\.\d+\.\d+\b`)

// ciRecipe is the testscript command "cirecipe README SCRIPT": it reads
// the workflow after the ci-recipe marker in README, checks that it
// installs a pinned version and caches the folder DOCDRIFT_CACHE_DIR
// names, and writes the run script of its "check" step to SCRIPT, with
// the job's cache folder exported, for the script to run with bash.
func ciRecipe(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: cirecipe README SCRIPT")
	}
	script, err := recipeScript(ts.ReadFile(args[0]))
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(script), 0o755))
}

func recipeScript(readme string) (string, error) {
	_, after, ok := strings.Cut(readme, ciRecipeMarker)
	if !ok {
		return "", fmt.Errorf("README: no %s marker", ciRecipeMarker)
	}
	_, block, ok := strings.Cut(after, "```yaml\n")
	if !ok {
		return "", fmt.Errorf("README: no yaml block after the marker")
	}
	block, _, _ = strings.Cut(block, "```")
	var w workflow
	if err := yaml.Unmarshal([]byte(block), &w); err != nil {
		return "", fmt.Errorf("README: the workflow: %w", err)
	}
	job, ok := w.Jobs["check"]
	if !ok {
		return "", fmt.Errorf("README: the workflow has no job check")
	}
	cacheDir := job.Env[cacheDirEnv]
	var pinned, cached bool
	var run string
	for _, s := range job.Steps {
		switch {
		case pinnedInstall.MatchString(s.Run):
			pinned = true
		case strings.HasPrefix(s.Uses, "actions/cache@"):
			cached = cacheDir != "" && s.With["path"] == cacheDir
		case s.Name == "check":
			run = s.Run
		}
	}
	switch {
	case !pinned:
		return "", fmt.Errorf("README: the workflow installs no pinned version (module@vX.Y.Z)")
	case !cached:
		return "", fmt.Errorf("README: the workflow does not cache %s (%q)", cacheDirEnv, cacheDir)
	case run == "":
		return "", fmt.Errorf("README: the workflow has no step named check")
	}
	// GitHub runs a step's script as bash --noprofile --norc -eo
	// pipefail; the cache folder comes from the job's env, here from the
	// test's.
	return "set -eo pipefail\n" + run, nil
}
