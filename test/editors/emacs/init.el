;;; init.el --- Emacs + Eglot configuration for the TBS report language server  -*- lexical-binding: t -*-

;; Used by test/editors/emacs.test.ts (emacs --batch -l test/editors/emacs/init.el -l run.el) and
;; shown in docs/editors.md.  Works with Emacs 28 + Eglot 1.9 (Debian 12: emacs-nox, elpa-eglot)
;; and newer (Eglot is built into Emacs 29+).

;; Test-only preamble: the server of this checkout (TBS_REPORT_SERVER overrides it).
(defvar tbs-report-server-command
  (list "node"
        (or (getenv "TBS_REPORT_SERVER")
            (expand-file-name "../../../dist/server.js"
                              (file-name-directory (or load-file-name buffer-file-name))))
        "--stdio"))

;; >>> docs/editors.md: emacs (the test checks that the docs show this block verbatim)
(require 'eglot)

(define-derived-mode radiology-report-mode text-mode "RadReport"
  "Major mode for DXA + trabecular bone score radiology reports.")
(add-to-list 'auto-mode-alist '("\\.radreport\\'" . radiology-report-mode))
(add-to-list 'auto-mode-alist '("\\.report\\.txt\\'" . radiology-report-mode))

;; Plain-text notes are checked when they mention TBS (languageId "plaintext").  Eglot 1.9
;; sends one languageId per server, so plain text gets its own entry; it is added first because
;; add-to-list puts the later entry in front, and radiology-report-mode (derived from text-mode)
;; must find its own entry before this one.
(add-to-list 'eglot-server-programs
             `(((text-mode :language-id "plaintext")) . ,tbs-report-server-command))

;; languageId "radiology-report" comes from the mode name (radiology-report-mode).
;; tbs-report-server-command: ("node" "/path/to/dist/server.js" "--stdio")
;; or ("tbs-report-language-server" "--stdio").
;; Settings, keys of tbsReport.* (e.g. (:severity (:missing-impression "off"))), in ONE place:
;; :initializationOptions here, or eglot-workspace-configuration '(:tbsReport (...)), which Eglot
;; also pushes with workspace/didChangeConfiguration on connect; a pushed tbsReport section
;; currently replaces initializationOptions (docs/editors.md, "Settings").
(add-to-list 'eglot-server-programs
             `(radiology-report-mode
               . (,@tbs-report-server-command :initializationOptions (:debounceMs 150))))

(defun tbs-report-eglot-ensure ()
  "Start Eglot in reports and plain text (but not in other modes derived from text-mode)."
  (when (memq major-mode '(radiology-report-mode text-mode))
    (eglot-ensure)))
(add-hook 'text-mode-hook #'tbs-report-eglot-ensure)
;; <<< docs/editors.md: emacs

;;; init.el ends here
