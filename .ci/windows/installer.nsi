; Installer of Kế hoạch CCHC for one Windows user, without administrator
; rights. Built by `make installer`:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0.N -DSTAGE=DIR -DICON=FILE.ico \
;            -DOUTFILE=FILE.exe installer.nsi
; STAGE holds what the portable zip holds: cchc.exe, cchc-cli.exe, the guide
; and the licences. The uninstaller removes the program and its shortcuts and
; keeps the data in %APPDATA%\vn.kehoach.cchc.

; 64-bit, like the programs it installs (and so Wine64 can run it in tests).
Target amd64-unicode
Unicode true
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!macro Require NAME
  !ifndef ${NAME}
    !error "makensis needs -D${NAME}=..."
  !endif
!macroend
!insertmacro Require VERSION
!insertmacro Require STAGE
!insertmacro Require ICON
!insertmacro Require OUTFILE

!define APP_ID      "vn.kehoach.cchc"
!define APP_NAME    "Kế hoạch CCHC"
!define UNINST_KEY  "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define DATA_DIR    "$APPDATA\${APP_ID}"
!define GUIDE       "huong-dan-su-dung.html"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\KeHoachCCHC"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\cchc.exe"
!define MUI_FINISHPAGE_SHOWREADME "$INSTDIR\${GUIDE}"
!define MUI_FINISHPAGE_SHOWREADME_TEXT "Xem hướng dẫn sử dụng"
!define MUI_FINISHPAGE_SHOWREADME_NOTCHECKED
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TEXT "Đã gỡ ${APP_NAME} khỏi máy tính.$\r$\n$\r$\nDữ liệu của bạn vẫn được giữ nguyên trong thư mục:$\r$\n${DATA_DIR}$\r$\n$\r$\nCài lại chương trình là dùng tiếp được dữ liệu này."
!insertmacro MUI_UNPAGE_FINISH

!insertmacro MUI_LANGUAGE "Vietnamese"

VIProductVersion "${VERSION}"
VIFileVersion "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileDescription" "Cài đặt ${APP_NAME}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "LegalCopyright" "${APP_NAME}"

; WaitUntilClosed asks the officer to close the program while cchc.exe in
; $INSTDIR is running: Windows refuses to open a running program for writing.
; A silent (/S) run gives up instead.
!macro WaitUntilClosed
  retry:
    IfFileExists "$INSTDIR\cchc.exe" 0 closed
    ClearErrors
    FileOpen $0 "$INSTDIR\cchc.exe" a
    IfErrors 0 +3
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APP_NAME} đang mở. Hãy đóng chương trình rồi bấm Thử lại (Retry)." /SD IDCANCEL IDRETRY retry
      Abort
    FileClose $0
  closed:
!macroend

Section "Install"
  SetShellVarContext current
  !insertmacro WaitUntilClosed
  SetOutPath "$INSTDIR"
  File "${STAGE}\cchc.exe"
  File "${STAGE}\cchc-cli.exe"
  File "${STAGE}\${GUIDE}"
  File /r "${STAGE}\licenses"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; The data folder is created here so that its shortcut works at once.
  CreateDirectory "${DATA_DIR}"
  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\cchc.exe"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\Hướng dẫn sử dụng.lnk" "$INSTDIR\${GUIDE}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\Thư mục dữ liệu.lnk" "${DATA_DIR}"
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\cchc.exe"

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\cchc.exe,0"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  !insertmacro WaitUntilClosed
  Delete "$INSTDIR\cchc.exe"
  Delete "$INSTDIR\cchc-cli.exe"
  Delete "$INSTDIR\${GUIDE}"
  RMDir /r "$INSTDIR\licenses"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk"
  Delete "$SMPROGRAMS\${APP_NAME}\Hướng dẫn sử dụng.lnk"
  Delete "$SMPROGRAMS\${APP_NAME}\Thư mục dữ liệu.lnk"
  RMDir "$SMPROGRAMS\${APP_NAME}"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"

  ; The data folder ${DATA_DIR} is left alone on purpose.
  DetailPrint "Dữ liệu vẫn được giữ trong ${DATA_DIR}"
SectionEnd
