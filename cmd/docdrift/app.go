package main

import (
	"bufio"
	"context"
	"io"
	"regexp"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v3"
)

// version is set at build time with -ldflags "-X main.version=…";
// otherwise the binary's build info says (versionFrom).
var version = ""

func buildVersion() string {
	if version != "" {
		return version
	}
	info, _ := debug.ReadBuildInfo()
	return versionFrom(info)
}

// pseudoVersionRE matches the version Go makes up for an untagged commit
// (v0.0.0-20261202030000-3e399034e8d3), which the revision says better.
var pseudoVersionRE = regexp.MustCompile(`-(?:0\.)?\d{14}-[0-9a-f]{12}(?:\+|$)`)

// versionFrom says which docdrift a build is: its module version when it
// was installed as module@version (go install reads the module cache,
// which stamps no revision; a commit's pseudo-version names it), otherwise — a build from a clone — "devel"
// (or the tag the commit has) followed by the commit, its date and
// "modified" when the tree had uncommitted changes; "devel" alone when
// the build info has neither (go run, -buildvcs=false).
func versionFrom(info *debug.BuildInfo) string {
	if info == nil {
		return "devel"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	rev := settings["vcs.revision"]
	if rev == "" {
		return v
	}
	if pseudoVersionRE.MatchString(v) || strings.HasSuffix(v, "+dirty") {
		v = "devel"
	}
	parts := []string{v, rev[:min(12, len(rev))]}
	if t := settings["vcs.time"]; t != "" {
		parts = append(parts, t)
	}
	if settings["vcs.modified"] == "true" {
		parts = append(parts, "modified")
	}
	return strings.Join(parts, " ")
}

// run runs docdrift with the given arguments (args[0] is the program name)
// and returns its exit status. It is main without os.Exit, for tests.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if g, ok := gitArgs(args); ok {
		args = gitColorArgs(g, stdout)
	}
	out := bufferedOutput{bufio.NewWriter(stdout), stdout}
	app := newApp(out, stderr)
	// The buffer keeps the first write error and refuses every write
	// after it, so the final flush reports any write that failed.
	err := outputError(app.Run(ctx, args), out.Flush(), stdoutName)
	return exitCode(err, stderr)
}

// bufferedOutput buffers stdout, one write per 4 KB rather than per line,
// and still lets isTerminal see the file underneath.
type bufferedOutput struct {
	*bufio.Writer
	under io.Writer
}

func (b bufferedOutput) Unwrap() io.Writer { return b.under }

func newApp(stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:    "docdrift",
		Usage:   "show how related documents drift: changed passages, figures and themes",
		Version: buildVersion(),
		Description: `docdrift compares documents that belong together — editions of one text, articles
on one policy, a speech and its translation — and shows what changed in terms a reader
cares about.

Examples:
   docdrift timeline                                   the story of the built-in sample corpus
   docdrift timeline fixtures/opening-up               the same, from the folder
   docdrift init reports/                              write a docdrift.yaml for a folder, guesses marked
   docdrift check --fail-on figure,modality statements/
                                                       a CI gate on the newest edition
   docdrift normalize fixtures/opening-up/*.txt        the text as docdrift reads it
   docdrift normalize --explain qiushi-2024.txt        what was dropped, and why
   docdrift diff qiushi-2024.txt qiushi-2025.txt       what changed, passage by passage
   docdrift figures fixtures/opening-up                every figure, the same fact across documents
   docdrift themes --term "dispute settlement" fixtures/opening-up
                                                       a concept in all its wordings, over time
   GIT_EXTERNAL_DIFF=docdrift git log -p --ext-diff    docdrift's diffs in git

Exit status: 0 nothing changed (or success), 1 changes found, 2 trouble.`,
		Writer:    stdout,
		ErrWriter: stderr,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "color", Value: "auto", Usage: "color the output: auto (only on a terminal, or as git's color.ui says when git runs docdrift as its diff, and not when NO_COLOR is set), always or never"},
			&cli.StringFlag{Name: "format", Value: formatText, Usage: "output format: text, json or markdown (normalize: text or json; init: text); html for timeline and check. A command refuses a format it cannot write"},
			&cli.StringFlag{Name: "max-size", Value: defaultMaxSize, Usage: "refuse documents larger than this (16MB, 1GB; 0 for no limit): a 16 MB pair takes about 0.6 GB of memory"},
			&cli.BoolFlag{Name: "no-cache", Usage: "neither read nor write the cache of parsed documents and comparisons (kept in $DOCDRIFT_CACHE_DIR, or docdrift/ in the user cache folder)"},
		},
		Commands: withUsageErrors(
			timelineCommand(),
			checkCommand(),
			normalizeCommand(),
			diffCommand(),
			figuresCommand(),
			themesCommand(),
			kwicCommand(),
			initCommand(),
		),
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.NArg() > 0 {
				return usagef("unknown command %q", cmd.Args().First())
			}
			return cli.ShowRootCommandHelp(cmd)
		},
		// Errors are printed and turned into exit statuses by exitCode
		// alone; the library must neither print them nor exit.
		ExitErrHandler:  func(context.Context, *cli.Command, error) {},
		OnUsageError:    onUsageError,
		HideHelpCommand: true,
	}
}

// onUsageError reports a bad command line in one line, instead of the
// library's habit of printing the whole help first.
func onUsageError(_ context.Context, _ *cli.Command, err error, _ bool) error {
	return usageError{err.Error()}
}

func withUsageErrors(cmds ...*cli.Command) []*cli.Command {
	for _, c := range cmds {
		c.OnUsageError = onUsageError
	}
	return cmds
}
